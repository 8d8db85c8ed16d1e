import { config } from "../config";
import { ensureStatsRefreshScheduled } from "../reports/refresh-queue-stats";
import { startMailFetchers } from "../mail/accounts/run-mail-fetchers";
import { jobHandlers } from "./handlers";
import { runMaintenance } from "./maintenance";
import { createWorker, type Worker } from "./worker";

const MAINTENANCE_INTERVAL_MS = 60 * 60_000;

const globalForWorker = globalThis as unknown as { helpdeskWorker?: Worker };

/**
 * Starts the job worker of this process (once). On SIGTERM/SIGINT it stops
 * claiming, lets jobs in flight finish (or releases them after the grace
 * time) and then, with `exitWhenStopped`, ends the process. A job cut off by a
 * hard kill is retried by any worker once its lease expires.
 */
export function startBackgroundWorker(options: { exitWhenStopped: boolean }): Worker {
  if (globalForWorker.helpdeskWorker) return globalForWorker.helpdeskWorker;
  const worker = createWorker({
    handlers: jobHandlers,
    leaseMs: config.workerLeaseSeconds * 1000,
  });
  globalForWorker.helpdeskWorker = worker;
  worker.start();
  void ensureStatsRefreshScheduled();
  // IMAP mail accounts: one fetcher per account across all workers (a lease in the database).
  const fetchers = startMailFetchers({ owner: worker.workerId });
  // Idempotent housekeeping; harmless when several workers do it.
  const housekeeping = setInterval(
    () => void runMaintenance().catch((error) => console.error("maintenance failed", error)),
    MAINTENANCE_INTERVAL_MS,
  );
  housekeeping.unref();
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    clearInterval(housekeeping);
    console.log(`job worker ${worker.workerId}: ${signal}, finishing jobs in flight`);
    void Promise.all([worker.stop(), fetchers.stop()]).then(() => {
      if (options.exitWhenStopped) process.exit(0);
    });
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  console.log(`job worker ${worker.workerId} started`);
  return worker;
}

/** Ends the process on SIGTERM/SIGINT (when nothing else must finish first). */
export function exitOnSignals() {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => process.exit(0));
}
