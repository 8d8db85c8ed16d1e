// Command-line options of `npm run bench` and `npm run bench:seed`.

export interface BenchOptions {
  /** 1 = the full run (1M tickets, 10 s per load); 0.001 = the CI smoke run of every part. */
  scale: number;
  /** Runs per measurement; the table shows medians. */
  runs: number;
  /** Parts to run (default all): intake, baseline, scale. */
  parts: Set<string>;
  /** Concurrent connections of the load tool. */
  connections: number;
  /**
   * Where the job worker runs: "web" (in the server process, as `npm start` runs it) or
   * "apart" (WORKER_IN_WEB=false and one `npm run worker` process beside it).
   */
  worker: "web" | "apart";
}

/** Parses `--scale 0.001 --runs 3 --parts intake,scale --connections 20 --worker apart`. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1];
    return argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  };
  const scale = Number(value("scale") ?? 1);
  if (!(scale > 0 && scale <= 1)) throw new Error("--scale must be in (0, 1]");
  const runs = Number(value("runs") ?? (scale < 0.01 ? 1 : 3));
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a whole number ≥ 1");
  const parts = new Set((value("parts") ?? "statements,intake,baseline,scale").split(","));
  const connections = Number(value("connections") ?? 20);
  const worker = value("worker") ?? "web";
  if (worker !== "web" && worker !== "apart") throw new Error("--worker must be web or apart");
  return { scale, runs, parts, connections, worker };
}

/** Seconds of the driver baseline: 10 s, or 1 s for a smoke run (scale below 0.01). */
export const loadSeconds = (scale: number) => (scale < 0.01 ? 1 : 10);

/** Requests per intake measurement (about 10 s each on this machine kind at full scale). */
export const loadRequests = (scale: number, kind: "intake" | "noop") =>
  scale < 0.01 ? (kind === "noop" ? 200 : 40) : kind === "noop" ? 20_000 : 2_000;

export const median = (values: number[]) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The p-th percentile (0–100) of `values`, nearest rank. */
export const percentile = (values: number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
