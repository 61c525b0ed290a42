/**
 * How many findings each tool reported, read from its JSON output: proof that a timed run did
 * the work (an early error or an empty parse would time fast and mean nothing).
 */

/** realmguard check --format json: `summary.total`. */
export function realmguardFindings(stdout: string): number {
  const report = JSON.parse(stdout) as { summary?: { total?: unknown } };
  const total = report.summary?.total;
  if (typeof total !== 'number') throw new Error('bench: realmguard check --format json printed no summary.total');
  return total;
}

/** kcwarden audit --format json: a list of findings, each naming its auditor. */
export function kcwardenFindings(stdout: string): number {
  const findings = JSON.parse(stdout) as unknown;
  if (
    !Array.isArray(findings) ||
    !findings.every((finding) => typeof (finding as { reporting_auditor?: unknown }).reporting_auditor === 'string')
  ) {
    throw new Error('bench: kcwarden audit --format json did not print a list of findings');
  }
  return findings.length;
}
