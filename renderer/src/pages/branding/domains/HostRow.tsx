/** One login host of an org: its name, where an app points (issuer, discovery), and how browsers reach it. */
import type { VanityHost } from '../../../api/vanity-api';
import { CopyButton } from '../../../components/CopyButton';
import { Icon } from '../../../components/icons';

function UrlLine({ label, url, testId }: { label: string; url: string; testId: string }) {
  return (
    <div className="vd-url">
      <span className="vd-url-label">{label}</span>
      <code data-testid={testId}>{url}</code>
      <CopyButton text={url} label={label.toLowerCase()} testId={`${testId}-copy`} />
    </div>
  );
}

export function HostRow(props: { host: VanityHost; removing: boolean; onRemove: () => void }) {
  const { host } = props;
  const id = `vd-host-${host.host}`;
  return (
    <li className="vd-host" data-testid={id} data-kind={host.kind}>
      <div className="vd-host-head">
        <Icon name="globe" size={16} />
        <strong className="vd-host-name">{host.host}</strong>
        <span className={`vd-tag ${host.kind}`}>{host.kind === 'automatic' ? 'Automatic' : 'Custom'}</span>
        <div className="vd-host-actions">
          <a className="button" href={host.loginUrl} target="_blank" rel="noreferrer" data-testid={`${id}-open`}>
            <Icon name="external" size={14} /> Open login
          </a>
          {host.kind === 'custom' && (
            <button
              type="button"
              className="button danger"
              disabled={props.removing}
              onClick={props.onRemove}
              aria-label={`Remove ${host.host}`}
              data-testid={`${id}-remove`}
            >
              <Icon name="trash" size={14} /> Remove
            </button>
          )}
        </div>
      </div>
      <p className={`vd-reach ${host.resolvesByItself ? 'ok' : 'setup'}`} data-testid={`${id}-reach`}>
        {host.resolvesByItself
          ? 'Reaches this machine in any browser, with no setup.'
          : 'Needs a hosts entry or a resolver rule (see “Reaching the hosts” below).'}
      </p>
      <UrlLine label="Issuer" url={host.issuer} testId={`${id}-issuer`} />
      <UrlLine label="Discovery" url={host.discoveryUrl} testId={`${id}-discovery`} />
    </li>
  );
}
