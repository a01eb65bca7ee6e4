/** What to paste so browsers reach custom host names: /etc/hosts lines, or Chromium's resolver rules. */
import type { HostSetup } from '../../../api/vanity-api';
import { CopyButton } from '../../../components/CopyButton';

export function HostSetupCard({ setup }: { setup: HostSetup }) {
  const hostsFile = setup.hostsFile.join('\n');
  return (
    <section className="vd-card" aria-labelledby="vd-setup-title" data-testid="vd-setup">
      <h3 id="vd-setup-title" className="section-title">
        Reaching the hosts
      </h3>
      <p className="muted small">
        Browsers send every <code>*.localhost</code> name to this machine by themselves. Custom names need one of these,
        on the machine that runs the browser. Every host uses the protocol listener’s port, {setup.port}.
      </p>
      {setup.hostsFile.length === 0 ? (
        <p className="muted small" data-testid="vd-setup-none">
          No custom host needs setting up: all hosts are <code>*.localhost</code> names.
        </p>
      ) : (
        <div className="vd-snippets">
          <div className="vd-snippet">
            <div className="vd-snippet-head">
              <strong>/etc/hosts</strong>
              <span className="muted small">(Windows: C:\Windows\System32\drivers\etc\hosts)</span>
              <span className="spacer" />
              <CopyButton text={hostsFile} label="hosts file lines" testId="vd-setup-hosts-copy" withText />
            </div>
            <pre data-testid="vd-setup-hosts">{hostsFile}</pre>
          </div>
          {setup.resolverRules && (
            <div className="vd-snippet">
              <div className="vd-snippet-head">
                <strong>Chromium flag</strong>
                <span className="muted small">(no admin rights needed; Playwright: launchOptions.args)</span>
                <span className="spacer" />
                <CopyButton text={setup.resolverRules} label="resolver rules" testId="vd-setup-rules-copy" withText />
              </div>
              <pre data-testid="vd-setup-rules">{setup.resolverRules}</pre>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
