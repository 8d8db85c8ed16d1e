// Child process for worker tests: a job worker on DATABASE_URL with the
// production handlers. LEASE_MS / CONCURRENCY / POLL_MS tune it.
import { jobHandlers } from "../../lib/jobs/handlers";
import { createWorker } from "../../lib/jobs/worker";

const worker = createWorker({
  handlers: jobHandlers,
  leaseMs: Number(process.env.LEASE_MS ?? 120_000),
  concurrency: Number(process.env.CONCURRENCY ?? 4),
  pollMs: Number(process.env.POLL_MS ?? 50),
  log: () => {},
});
worker.start();
process.stdout.write(`ready ${worker.workerId}\n`);
process.on("SIGTERM", () => void worker.stop().then(() => process.exit(0)));
