/**
 * One isolation model as a column of the comparison. Every card has the same rows in the
 * same order (a CSS subgrid lines them up across the cards), so differences read across.
 */
import type { ReactNode } from 'react';
import type { Organization } from '../../../../server/model/organization';
import type { IsolationView } from '../../api/isolation-api';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { BreakableUrl, ClaimsJson } from './ClaimsJson';
import { MODEL_COPY } from './isolation-copy';

/** How many rows each card spans in the grid (keep in step with the markup below). */
export const CARD_ROWS = 9;

function Row({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div className="iso-row">
      <span className="iso-label">{label}</span>
      <span className="iso-value" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

const pending = (what: string) => <span className="iso-pending">{what}</span>;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function IsolationCard(props: {
  org: Organization;
  view: IsolationView;
  differing: ReadonlySet<string>;
  switching: boolean;
  busy: boolean;
  onUse: () => void;
}) {
  const { view, org } = props;
  const copy = MODEL_COPY[view.model];
  const id = `isolation-${view.model}`;
  const ownKeys = !view.signingKeys.startsWith('shared');

  return (
    <article
      className={`iso-card${view.active ? ' active' : ''}`}
      style={{ gridRow: `span ${CARD_ROWS}` }}
      aria-labelledby={`${id}-title`}
      aria-current={view.active ? 'true' : undefined}
      data-testid={id}
      data-active={view.active}
    >
      <header className="iso-head">
        <span className="iso-glyph" aria-hidden="true">
          <Icon name={copy.icon} size={20} />
        </span>
        <h3 id={`${id}-title`} className="iso-title">
          {view.label}
        </h3>
        {view.active ? (
          <span className="iso-status active" data-testid={`${id}-status`}>
            <Icon name="check" size={12} /> Active
          </span>
        ) : (
          <span className="iso-status" data-testid={`${id}-status`}>
            Available
          </span>
        )}
      </header>

      <div className="iso-summary">
        <p>{copy.summary}</p>
        <p className="muted small">Best for {copy.bestFor}.</p>
      </div>

      <Row label="Issuer" testId={`${id}-issuer`}>
        {view.issuer ? (
          <span className="iso-code">
            <code>
              <BreakableUrl url={view.issuer} />
            </code>
            <CopyButton text={view.issuer} label="issuer" />
          </span>
        ) : (
          pending('Its own issuer, created when you switch')
        )}
      </Row>

      <Row label="Tenant" testId={`${id}-tenant`}>
        {view.tenant ? <code>{view.tenant}</code> : pending('Created when you switch')}
      </Row>

      <Row label="Application" testId={`${id}-client`}>
        {view.clientId ? (
          <span className="iso-client">
            <span>{view.clientName}</span>
            <span className="iso-code">
              <code>{view.clientId}</code>
              <CopyButton text={view.clientId} label="client ID" />
            </span>
          </span>
        ) : (
          pending(`A client for ${org.name}, created when you switch`)
        )}
      </Row>

      <Row label="Discovery document" testId={`${id}-discovery`}>
        {view.discoveryUrl ? (
          <a className="iso-link" href={view.discoveryUrl} target="_blank" rel="noreferrer">
            openid-configuration <Icon name="external" size={13} />
          </a>
        ) : (
          pending('Published with the issuer')
        )}
      </Row>

      <Row label="Signing keys" testId={`${id}-keys`}>
        <span className={`iso-keys${ownKeys ? ' own' : ''}`}>
          <Icon name="key" size={14} /> {capitalize(view.signingKeys.replace("'", '’'))}
        </span>
      </Row>

      <div className="iso-row iso-claims">
        <span className="iso-label">Example token claims</span>
        <ClaimsJson claims={view.exampleClaims} differing={props.differing} testId={`${id}-claims`} />
        <p className="iso-notes muted small">{view.notes}</p>
      </div>

      <footer className="iso-foot">
        {view.active ? (
          <span className="iso-current">
            <Icon name="check" size={16} /> Current model
          </span>
        ) : (
          <button
            type="button"
            className="button"
            data-testid={`isolation-use-${view.model}`}
            disabled={props.busy}
            onClick={props.onUse}
          >
            {props.switching ? 'Switching…' : 'Use this model'}
          </button>
        )}
      </footer>
    </article>
  );
}
