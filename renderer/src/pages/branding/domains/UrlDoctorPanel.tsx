/**
 * The URL doctor for one org: an optional "issuer my app uses" to compare, then every
 * finding grouped by client, worst first, each with its rule, subject and one-line fix.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { diagnoseUrls } from '../../../api/vanity-api';
import { Icon } from '../../../components/icons';
import { useApiClient, useResource } from '../../org-detail/use-api';
import { groupFindings, SEVERITY_LABELS, summarize } from './doctor-groups';

export function UrlDoctorPanel(props: { orgId: string; orgName: string; version: number }) {
  const client = useApiClient();
  const [draft, setDraft] = useState('');
  const [issuer, setIssuer] = useState('');
  const load = useCallback(() => diagnoseUrls(client, props.orgId, issuer || undefined), [client, props.orgId, issuer]);
  const { data: report, error, loading, reload } = useResource(load, props.version);

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === issuer) reload();
    else setIssuer(draft.trim());
  };

  const groups = report ? groupFindings(report) : [];
  return (
    <section className="vd-card" aria-labelledby="vd-doctor-title" data-testid="vd-doctor">
      <div className="vd-card-head">
        <h3 id="vd-doctor-title" className="section-title">
          URL doctor
        </h3>
        {report && (
          <span className="muted small" data-testid="vd-doctor-summary" aria-live="polite">
            {loading ? 'Checking…' : summarize(report.findings)}
          </span>
        )}
      </div>
      <p className="muted small">
        Issuer, redirect and host mismatches between {props.orgName}, its hosts and the applications it signs in
        through.
      </p>
      <form className="vd-doctor-form" onSubmit={check} data-testid="vd-doctor-form">
        <div className="field">
          <label htmlFor="vd-doctor-issuer">Issuer your app is configured with (optional)</label>
          <div className="vd-add-row">
            <input
              id="vd-doctor-issuer"
              value={draft}
              placeholder={report?.expectedIssuer ?? 'http://login.example.localhost:4100/default/default'}
              spellCheck={false}
              onChange={(event) => setDraft(event.target.value)}
              data-testid="vd-doctor-issuer"
            />
            <button type="submit" className="button" data-testid="vd-doctor-check">
              <Icon name="refresh" size={14} /> Check
            </button>
          </div>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && groups.length === 0 && (
        <p className="vd-all-clear" data-testid="vd-doctor-clear">
          <Icon name="check" size={14} /> No problems found. Apps should use <code>{report.expectedIssuer}</code>.
        </p>
      )}
      {groups.map((group) => (
        <div key={group.key} className="vd-group" data-testid={`vd-doctor-group-${group.key}`}>
          <h4>{group.title}</h4>
          <ul className="vd-findings">
            {group.findings.map((finding, index) => (
              <li
                key={`${finding.rule}-${finding.subject}-${index}`}
                className={`vd-finding ${finding.severity}`}
                data-testid={`vd-finding-${finding.rule}`}
                data-severity={finding.severity}
              >
                <div className="vd-finding-head">
                  <span className={`vd-severity ${finding.severity}`}>{SEVERITY_LABELS[finding.severity]}</span>
                  <code className="vd-rule">{finding.rule}</code>
                  <code className="vd-subject">{finding.subject}</code>
                </div>
                <p className="vd-message">{finding.message}</p>
                <p className="vd-fix">
                  <strong>Fix:</strong> {finding.fix}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
