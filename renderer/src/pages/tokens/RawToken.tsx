/** The encoded token as issued, each part in its own colour (header · payload · signature). */
import { tokenSegments } from './jwt-parts';

export function RawToken({ value, testId = 'raw-token' }: { value: string; testId?: string }) {
  const segments = tokenSegments(value);
  return (
    <div>
      <pre className="tk-raw-token" data-testid={testId} tabIndex={0} aria-label="Encoded token">
        {segments.map((segment, index) => (
          <span key={segment.role}>
            {index > 0 && <span className="tk-jwt-dot">.</span>}
            <span className={`tk-jwt-${segment.role}`} data-part={segment.role}>
              {segment.text}
            </span>
          </span>
        ))}
      </pre>
      {segments.length === 3 && (
        <p className="tk-jwt-legend" aria-hidden="true">
          <span className="tk-jwt-header">Header</span>
          <span className="tk-jwt-payload">Payload</span>
          <span className="tk-jwt-signature">Signature</span>
        </p>
      )}
    </div>
  );
}
