/** The colour pairs of a theme that fail WCAG AA, each with its ratio and what it needs. */
import { COLOR_LABELS, type ContrastWarning } from '../../../../../server/model/theme';

export function ContrastList({ warnings, testId }: { warnings: readonly ContrastWarning[]; testId: string }) {
  return (
    <ul className="theme-contrast" data-testid={testId}>
      {warnings.map((warning) => (
        <li key={`${warning.scheme}:${warning.foreground}:${warning.background}`} data-testid="theme-contrast-item">
          <span className="theme-contrast-pair">
            {warning.scheme === 'dark' ? 'Dark · ' : ''}
            {COLOR_LABELS[warning.foreground]} on {COLOR_LABELS[warning.background]}
          </span>
          <span className="theme-contrast-ratio">
            {warning.ratio.toFixed(2)}:1 <span className="muted">(needs {warning.required}:1)</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
