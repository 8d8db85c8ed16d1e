// Reads `npm audit --json` output. Kept apart from scripts/audit.ts so it can be tested.

export type AuditOutcome =
  | { kind: "clean"; message: string }
  | { kind: "vulnerable"; message: string }
  | { kind: "unreachable"; message: string };

interface AuditJson {
  message?: string;
  statusCode?: number;
  error?: { summary?: string; code?: string };
  metadata?: { vulnerabilities?: Record<string, number> };
  vulnerabilities?: Record<string, { severity?: string; via?: unknown[] }>;
}

/**
 * What `npm audit --omit=dev --json` said: clean, vulnerable (with counts per
 * severity and the affected packages), or unreachable — the registry did not
 * serve advisories (an offline mirror answers e.g. 405 to the bulk endpoint),
 * so nothing was checked. `stdout` is npm's JSON; anything unparsable counts as
 * unreachable with npm's own words.
 */
export function readAuditReport(stdout: string, stderr = ""): AuditOutcome {
  let report: AuditJson;
  try {
    report = JSON.parse(stdout) as AuditJson;
  } catch {
    const detail = (stderr || stdout).trim().split("\n").slice(-3).join(" ");
    return { kind: "unreachable", message: unreachable(detail || "npm gave no report") };
  }
  if (!report.metadata) {
    const detail =
      report.message ||
      report.error?.summary ||
      (report.statusCode ? `HTTP ${report.statusCode}` : "") ||
      "no advisory data in the answer";
    return { kind: "unreachable", message: unreachable(detail) };
  }
  const counts = Object.entries(report.metadata.vulnerabilities ?? {}).filter(
    ([severity, n]) => severity !== "total" && n > 0,
  );
  if (counts.length === 0) {
    return {
      kind: "clean",
      message: "npm audit: no known vulnerabilities in runtime dependencies.",
    };
  }
  const packages = Object.entries(report.vulnerabilities ?? {}).map(
    ([name, v]) => `  ${name} (${v.severity ?? "?"})`,
  );
  return {
    kind: "vulnerable",
    message: [
      `npm audit: ${counts.map(([s, n]) => `${n} ${s}`).join(", ")} in runtime dependencies:`,
      ...packages,
      "Run `npm audit --omit=dev` for details and fixes.",
    ].join("\n"),
  };
}

function unreachable(detail: string): string {
  return (
    `npm audit could not reach the advisory database (${detail}).\n` +
    "Nothing was checked: this registry or network does not serve npm's security advisories.\n" +
    "Run `npm run audit` where registry.npmjs.org is reachable (e.g. a CI job with internet access)."
  );
}
