// `npm test`: the whole suite — a production build, then unit and integration
// tests (vitest, real database), then browser tests (Playwright, Chromium).
// TEST_DATABASE=postgresql runs everything on fresh PostgreSQL databases.
import fs from "node:fs";
import path from "node:path";
import "./env";
import { bin, run } from "./run";

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  {
    name: "migrations match the schema",
    command: bin("tsx"),
    args: ["--conditions=react-server", "scripts/db/migrate.ts", "check"],
  },
  ...(process.env.SKIP_BUILD === "1"
    ? []
    : [{ name: "build", command: bin("next"), args: ["build"] }]),
  {
    name: "unit + integration (vitest)",
    command: bin("vitest"),
    args: [
      "run",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-results/vitest.json",
    ],
  },
  {
    name: "browser (playwright)",
    command: bin("playwright"),
    // The PostgreSQL pass needs the browser tests once, not in every language, and only
    // the agent, admin and search specs, whose pages run the queries that differ per
    // database (keyset pages, manual order, locks, full text); vitest covers the rest on both.
    args: [
      "test",
      ...(process.env.TEST_DATABASE === "postgresql"
        ? ["--project=en", "e2e/agent", "e2e/admin", "e2e/search"]
        : []),
    ],
  },
];

async function main() {
  const database = process.env.TEST_DATABASE === "postgresql" ? "postgresql" : "sqlite";
  console.log(`npm test on ${database}`);
  for (const stale of ["test-results/vitest.json", "e2e/artifacts/results.json"])
    fs.rmSync(stale, { force: true });
  const results: { name: string; code: number; seconds: number }[] = [];
  for (const step of steps) {
    console.log(`\n▶ ${step.name}`);
    const started = Date.now();
    const code = await run(step.command, [
      ...step.args,
      ...(step.name.startsWith("unit") ? process.argv.slice(2) : []),
    ]);
    results.push({ name: step.name, code, seconds: Math.round((Date.now() - started) / 1000) });
    if (code !== 0 && step.name === "build") break;
  }

  console.log(`\nSummary (${database}):`);
  for (const r of results)
    console.log(`  ${r.code === 0 ? "ok  " : "FAIL"} ${r.name} (${r.seconds}s)`);
  let passed = 0;
  let failed = 0;
  const vitest = readReport("test-results/vitest.json");
  const playwright = readReport("e2e/artifacts/results.json");
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += vitest.numFailedTests ?? 0;
  }
  if (playwright) {
    passed += playwright.stats?.expected ?? 0;
    failed += (playwright.stats?.unexpected ?? 0) + (playwright.stats?.flaky ?? 0);
  }
  const stepFailures = results.filter((r) => r.code !== 0).length;
  // Last in the output, where CI's tail shows it: which tests failed, and why in a line.
  let failures: string[] = [];
  try {
    failures = failedTests(vitest, playwright);
  } catch (error) {
    failures = [`  (the test reports could not be read: ${String(error)})`];
  }
  if (failures.length > 0) console.log(`\nFailed:\n${failures.slice(0, 20).join("\n")}`);
  console.log(`\n${passed} passed, ${failed + (failed === 0 ? stepFailures : 0)} failed`);
  process.exit(stepFailures > 0 ? 1 : 0);
}

/** A step's JSON report, parsed; undefined when the step wrote none. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reporters' own JSON shapes
function readReport(file: string): any {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : undefined;
}

type Suite = { suites?: Suite[]; specs?: Spec[] };
type Spec = {
  title: string;
  file: string;
  tests: { projectName: string; status: string; results: { error?: { message?: string } }[] }[];
};

/** "file › test: first line of the error" of each failed test in the two JSON reports. */
function failedTests(
  vitest: { testResults?: VitestFile[] } | undefined,
  playwright: Suite | undefined,
): string[] {
  const line = (message: unknown) =>
    String(message ?? "")
      .replace(/\x1b\[[0-9;]*m/g, "")
      .split("\n")
      .find((text) => text.trim() !== "")
      ?.trim()
      .slice(0, 300) ?? "";
  const lines: string[] = [];
  for (const file of vitest?.testResults ?? []) {
    const name = path.relative(process.cwd(), file.name ?? "");
    const tests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of tests)
      lines.push(`  ✗ ${name} › ${test.fullName}: ${line(test.failureMessages?.[0])}`);
    if (tests.length === 0 && file.status === "failed")
      lines.push(`  ✗ ${name}: ${line(file.message)}`);
  }
  const walk = (suite: Suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status === "unexpected" || test.status === "flaky")
          lines.push(
            `  ✗ [${test.projectName}] ${spec.file} › ${spec.title}: ${line(test.results.at(-1)?.error?.message)}`,
          );
    for (const child of suite.suites ?? []) walk(child);
  };
  if (playwright) walk(playwright);
  return lines;
}

type VitestFile = {
  name?: string;
  status?: string;
  message?: string;
  assertionResults?: { status: string; fullName: string; failureMessages?: string[] }[];
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
