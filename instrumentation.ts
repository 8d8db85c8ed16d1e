// Runs once when the Next.js server process boots (also under `next start`,
// before the first request). The embedded default runs the job worker here;
// set WORKER_IN_WEB=false when workers run as `npm run worker`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { config } = await import("./lib/config");
  if (!config.runWorkerInWeb) return;
  const { startBackgroundWorker } = await import("./lib/jobs/background");
  startBackgroundWorker();
}
