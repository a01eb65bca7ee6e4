/**
 * Everything the server found in one token: the signature verdict, the live expiry, the
 * encoded parts in colour, and the decoded header and claims with their meanings.
 * Shared by the issued-token detail and the paste box.
 */
import type { TokenInspection } from '../../api/tokens-api';
import { CopyButton } from '../../components/CopyButton';
import { DecodedTable, type DecodedRow } from './DecodedTable';
import { ExpiryCountdown } from './ExpiryCountdown';
import { HEADER_GLOSSARY } from './claim-display';
import { RawToken } from './RawToken';
import { SignatureBadge } from './SignatureBadge';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

export function InspectionView({
  inspection,
  value,
  expiresAt,
}: {
  inspection: TokenInspection;
  /** The token as issued or pasted. */
  value: string;
  /** Expiry to count down to when the token itself does not say (opaque tokens). */
  expiresAt?: string | null;
}) {
  const meanings = new Map(inspection.explanations.map((item) => [item.claim, item.meaning]));
  const headerRows: DecodedRow[] = Object.entries(inspection.header ?? {}).map(([name, item]) => ({
    name,
    value: item,
    meaning: HEADER_GLOSSARY[name] ?? 'A header parameter.',
  }));
  const claimRows: DecodedRow[] = Object.entries(inspection.claims ?? {}).map(([name, item]) => ({
    name,
    value: item,
    meaning: meanings.get(name),
  }));
  const expiry = inspection.expiry.expiresAt ?? expiresAt ?? null;

  return (
    <div className="tk-inspection" data-testid="inspection">
      <div className="tk-inspection-summary">
        <SignatureBadge signature={inspection.signature} />
        <div className="tk-expiry-card">
          <ExpiryCountdown
            expiresAt={expiry}
            testId="inspection-expiry"
            large
            opaque={inspection.format === 'opaque'}
          />
          <dl className="tk-expiry-times">
            <div>
              <dt>Issued</dt>
              <dd>{when(inspection.expiry.issuedAt)}</dd>
            </div>
            {inspection.expiry.notBefore && (
              <div>
                <dt>Not before</dt>
                <dd>{when(inspection.expiry.notBefore)}</dd>
              </div>
            )}
            <div>
              <dt>Expires</dt>
              <dd>{when(expiry)}</dd>
            </div>
          </dl>
        </div>
      </div>

      <section aria-label="Encoded token">
        <div className="tk-section-head">
          <h3>Encoded</h3>
          <CopyButton text={value} label="token" testId="copy-token" variant="button" withText />
        </div>
        <RawToken value={value} />
      </section>

      {inspection.format === 'opaque' ? (
        <p className="tk-opaque-note muted" data-testid="opaque-note">
          An opaque token is a random reference, not a JWT: only its issuer can look it up (token introspection). Its
          expiry above comes from the token log.
        </p>
      ) : (
        <>
          <section aria-label="Header">
            <div className="tk-section-head">
              <h3>
                Header <span className="tk-jwt-header tk-part-dot" aria-hidden="true" />
              </h3>
              <CopyButton
                text={JSON.stringify(inspection.header, null, 2)}
                label="header as JSON"
                testId="copy-header"
                variant="button"
              />
            </div>
            <DecodedTable rows={headerRows} caption="Token header" testId="header-table" />
          </section>
          <section aria-label="Claims">
            <div className="tk-section-head">
              <h3>
                Claims <span className="tk-jwt-payload tk-part-dot" aria-hidden="true" />
              </h3>
              <CopyButton
                text={JSON.stringify(inspection.claims, null, 2)}
                label="claims as JSON"
                testId="copy-claims"
                variant="button"
              />
            </div>
            <DecodedTable rows={claimRows} caption="Token claims" testId="claims-table" highlightOrg />
          </section>
        </>
      )}
    </div>
  );
}
