import fs from "node:fs";
import path from "node:path";
import type { LoadResult } from "./intake";
import type { ReadResult } from "./scale";
import type { StatementCount } from "./statements";
import { median } from "./options";

export interface BenchReport {
  startedAt: string;
  database: "sqlite" | "postgresql";
  scale: number;
  runs: number;
  /** Where the job worker ran (bench/options.ts). */
  worker: "web" | "apart";
  machine: { cpus: number; node: string };
  intake: (LoadResult & { rowsCreated: number; rowsMatch: boolean })[][];
  /**
   * Per run: the jobs the intake left queued (auto-responses, notifications) when the last
   * intake measurement ended, and the seconds the worker then took to finish them.
   */
  backlog: { jobs: number; drainSeconds: number }[];
  ratios: { appOverBaseline: number; appOverNoop: number } | null;
  seed: { tickets: number; articles: number; seconds: number; databaseBytes: number } | null;
  reads: ReadResult[][];
  peakRss: { intake: number; scale: number };
  /** SQL statements per created ticket, per intake path (bench/statements.ts); deterministic. */
  statements: StatementCount[] | null;
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");

/** Medians over runs, per measurement name. */
function medians<T extends { name: string }>(runs: T[][], keys: (keyof T)[]) {
  const names = [...new Set(runs.flat().map((r) => r.name))];
  return names.map((name) => {
    const rows = runs.flat().filter((r) => r.name === name);
    return {
      name,
      ...Object.fromEntries(keys.map((k) => [k, median(rows.map((r) => Number(r[k])))])),
      last: rows.at(-1)!,
    } as { name: string; last: T } & Record<string, number>;
  });
}

/** Prints the table of medians and writes the whole report as JSON under bench/results/. */
export function writeReport(report: BenchReport) {
  const lines: string[] = [];
  lines.push(
    `Benchmark on ${report.database}, scale ${report.scale}, ${report.runs} run(s), ${report.machine.cpus} cores, Node ${report.machine.node}, job worker ${report.worker === "web" ? "in the web process" : "in its own process"}`,
  );
  lines.push(
    "",
    "Intake (medians)                          req/s     p50 ms   p99 ms   errors  rows=2xx",
  );
  for (const r of medians(report.intake, ["requestsPerSecond", "p50", "p99", "errors"]))
    lines.push(
      `${r.name.padEnd(40)} ${fmt(r.requestsPerSecond, 1).padStart(8)} ${fmt(r.p50, 1).padStart(9)} ${fmt(r.p99, 1).padStart(8)} ${fmt(r.errors).padStart(8)}  ${
        "rowsMatch" in r.last ? (r.last.rowsMatch ? "yes" : `NO (${r.last.rowsCreated})`) : ""
      }`,
    );
  for (const [i, b] of report.backlog.entries())
    lines.push(
      `Run ${i + 1}: ${b.jobs} jobs left queued by the intake, done by the worker ${fmt(b.drainSeconds, 1)} s later`,
    );
  if (report.statements) {
    lines.push(
      "",
      "SQL statements per intake (driver-counted)      per ticket   in the transaction",
    );
    for (const r of report.statements)
      lines.push(
        `${r.path.padEnd(46)} ${fmt(r.perTicket, 1).padStart(10)} ${fmt(r.inTransaction, 1).padStart(20)}`,
      );
  }
  if (report.ratios)
    lines.push(
      "",
      `API intake ÷ driver baseline: ${fmt(report.ratios.appOverBaseline, 3)}; API intake ÷ no-op route: ${fmt(report.ratios.appOverNoop, 3)}`,
    );
  if (report.seed)
    lines.push(
      "",
      `Seed: ${report.seed.tickets} tickets, ${report.seed.articles} articles in ${fmt(report.seed.seconds, 1)} s; database ${fmt(report.seed.databaseBytes / 2 ** 20, 1)} MiB`,
    );
  if (report.reads.length) {
    lines.push(
      "",
      "Reads at scale (medians)                         p50 ms   p95 ms  server p50  server p95  status",
    );
    for (const r of medians(report.reads, ["p50", "p95", "serverP50", "serverP95"]))
      lines.push(
        `${r.name.padEnd(46)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p95, 1).padStart(8)} ${fmt(r.serverP50, 1).padStart(11)} ${fmt(r.serverP95, 1).padStart(11)}  ${r.last.status}`,
      );
  }
  lines.push(
    "",
    `Peak server RSS: intake ${fmt(report.peakRss.intake / 2 ** 20)} MiB, scale ${fmt(report.peakRss.scale / 2 ** 20)} MiB`,
  );
  console.log(lines.join("\n"));
  const dir = path.resolve(__dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.startedAt.replace(/[:.]/g, "-")}-${report.database}.json`);
  fs.writeFileSync(file, JSON.stringify(report, null, 2));
  console.log(`\nWritten to ${path.relative(process.cwd(), file)}`);
  return file;
}
