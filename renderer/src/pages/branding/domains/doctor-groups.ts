/** The URL doctor's findings as the tab draws them: org-wide first, then per client, worst first. */
import type { FindingSeverity, UrlDoctorReport, UrlFinding } from '../../../api/vanity-api';

export interface FindingGroup {
  /** `org` for findings about the org and its hosts, else the client id. */
  key: string;
  title: string;
  findings: UrlFinding[];
}

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABELS: Record<FindingSeverity, string> = {
  error: 'Error',
  warning: 'Warning',
  info: 'Note',
};

export function groupFindings(report: UrlDoctorReport): FindingGroup[] {
  const bySeverity = (a: UrlFinding, b: UrlFinding) => RANK[a.severity] - RANK[b.severity];
  const orgWide = report.findings.filter((finding) => finding.clientId === null).sort(bySeverity);
  const groups: FindingGroup[] = orgWide.length ? [{ key: 'org', title: 'Issuer and hosts', findings: orgWide }] : [];
  for (const client of report.clients) {
    const findings = report.findings.filter((finding) => finding.clientId === client.clientId).sort(bySeverity);
    if (findings.length) groups.push({ key: client.clientId, title: `${client.name} (${client.clientId})`, findings });
  }
  return groups;
}

/** `2 errors, 1 warning` — or `No problems found`. */
export function summarize(findings: readonly UrlFinding[]): string {
  const count = (severity: FindingSeverity) => findings.filter((finding) => finding.severity === severity).length;
  const parts = [
    [count('error'), 'error'],
    [count('warning'), 'warning'],
    [count('info'), 'note'],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}${n === 1 ? '' : 's'}`);
  return text.length ? text.join(', ') : 'No problems found';
}
