/**
 * A decoded header or claim set as a table: name, value and what it means. Organization
 * claims are highlighted; timestamps also show as dates.
 */
import { claimDate, formatClaimValue, isOrgClaim } from './claim-display';

export interface DecodedRow {
  name: string;
  value: unknown;
  meaning: string | undefined;
}

export function DecodedTable({
  rows,
  caption,
  testId,
  highlightOrg = false,
}: {
  rows: DecodedRow[];
  caption: string;
  testId: string;
  highlightOrg?: boolean;
}) {
  return (
    <table className="tk-decoded-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">Meaning</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const org = highlightOrg && isOrgClaim(row.name, row.meaning);
          const date = claimDate(row.name, row.value);
          return (
            <tr key={row.name} className={org ? 'tk-org-claim' : undefined} data-testid={`${testId}-row-${row.name}`}>
              <th scope="row" className="tk-decoded-name">
                <code>{row.name}</code>
                {org && <span className="tk-org-tag">org</span>}
              </th>
              <td className="tk-decoded-value">
                <code className={typeof row.value === 'string' ? undefined : 'tk-value-json'}>
                  {formatClaimValue(row.value)}
                </code>
                {date && <span className="tk-decoded-date">{date.toLocaleString()}</span>}
              </td>
              <td className="tk-decoded-meaning" data-testid={`${testId}-meaning-${row.name}`}>
                {row.meaning ?? ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
