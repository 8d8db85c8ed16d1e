import { describe, expect, it } from "vitest";
import { readAuditReport } from "./audit-report";

// npm 11's answer when the registry refuses the bulk advisory endpoint (seen on these machines).
const refused = JSON.stringify({
  message:
    "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk",
  statusCode: 405,
  error: { summary: "", detail: "" },
});

const report = (vulnerabilities: Record<string, number>, packages = {}) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities: packages,
    metadata: {
      vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...vulnerabilities },
    },
  });

describe("readAuditReport", () => {
  it("says plainly that nothing was checked when the advisories cannot be reached", () => {
    const outcome = readAuditReport(refused);
    expect(outcome.kind).toBe("unreachable");
    expect(outcome.message).toContain(
      "could not reach the advisory database (405 Method Not Allowed",
    );
    expect(outcome.message).toContain("Nothing was checked");
  });

  it("treats output that is not a report (network error text) as unreachable", () => {
    expect(readAuditReport("", "npm error code ENOTFOUND\nnpm error getaddrinfo").kind).toBe(
      "unreachable",
    );
  });

  it("passes a clean report and names the packages of a vulnerable one", () => {
    expect(readAuditReport(report({ total: 0 })).kind).toBe("clean");
    const outcome = readAuditReport(
      report({ high: 1, moderate: 2, total: 3 }, { "some-lib": { severity: "high" } }),
    );
    expect(outcome).toMatchObject({ kind: "vulnerable" });
    expect(outcome.message).toContain("2 moderate, 1 high");
    expect(outcome.message).toContain("some-lib (high)");
  });
});
