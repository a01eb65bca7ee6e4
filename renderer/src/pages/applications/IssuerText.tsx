import { splitIssuer } from '../../store/apps-selectors';

/** The origin may be cut short; the workspace path never is. */
export function IssuerText({ issuer }: { issuer: string }) {
  const { origin, path } = splitIssuer(issuer);
  return (
    <code className="issuer-text" title={issuer}>
      <span className="issuer-origin">{origin}</span>
      <span className="issuer-path">{path}</span>
    </code>
  );
}
