/**
 * Example token claims as pretty JSON, one claim a line: organization claims and claims
 * that differ between the models are marked, placeholders are dimmed.
 */
import { isOrgClaim, isPlaceholder, urlBreaks } from './claims';

/** A URL that wraps after its slashes rather than mid-word in a narrow column. */
export function BreakableUrl({ url }: { url: string }) {
  const parts = urlBreaks(url);
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && <wbr />}
          {part}
        </span>
      ))}
    </>
  );
}

function JsonValue({ value }: { value: unknown }) {
  if (isPlaceholder(value)) return <span className="json-placeholder">{JSON.stringify(value)}</span>;
  if (typeof value === 'string') {
    return (
      <span className="json-string">
        <BreakableUrl url={JSON.stringify(value)} />
      </span>
    );
  }
  if (Array.isArray(value)) {
    return (
      <>
        <span className="json-punct">[</span>
        {value.map((item, index) => (
          <span key={index}>
            {index > 0 && <span className="json-punct">, </span>}
            <JsonValue value={item} />
          </span>
        ))}
        <span className="json-punct">]</span>
      </>
    );
  }
  return <span className="json-literal">{JSON.stringify(value)}</span>;
}

export function ClaimsJson({
  claims,
  differing,
  testId,
}: {
  claims: Record<string, unknown>;
  differing: ReadonlySet<string>;
  testId: string;
}) {
  const entries = Object.entries(claims);
  return (
    <pre className="claims-json" data-testid={testId} tabIndex={0} aria-label="Example token claims">
      <span className="json-punct">{'{'}</span>
      {entries.map(([name, value], index) => (
        <span
          key={name}
          className={`json-line${isOrgClaim(name) ? ' org' : ''}${differing.has(name) ? ' differs' : ''}`}
          data-claim={name}
        >
          <span className="json-key">{JSON.stringify(name)}</span>
          <span className="json-punct">: </span>
          <JsonValue value={value} />
          {index < entries.length - 1 && <span className="json-punct">,</span>}
        </span>
      ))}
      <span className="json-punct">{'}'}</span>
    </pre>
  );
}
