// `npm run audit`: `npm audit --omit=dev` with a plain verdict. Exit codes:
// 0 clean, 1 vulnerabilities found, 2 advisories unreachable (nothing checked).
import { spawn } from "node:child_process";
import { readAuditReport } from "./audit-report";

const EXIT = { clean: 0, vulnerable: 1, unreachable: 2 } as const;

const child = spawn("npm", ["audit", "--omit=dev", "--json"], {
  stdio: ["ignore", "pipe", "pipe"],
});
let stdout = "";
let stderr = "";
child.stdout.on("data", (d) => (stdout += d));
child.stderr.on("data", (d) => (stderr += d));
child.on("error", (error) => {
  console.error(`npm audit could not start: ${error.message}`);
  process.exit(EXIT.unreachable);
});
child.on("exit", () => {
  const outcome = readAuditReport(stdout, stderr);
  (outcome.kind === "clean" ? console.log : console.error)(outcome.message);
  process.exit(EXIT[outcome.kind]);
});
