// Runs once when the Next.js server process boots (also under `next start`,
// before the first request). The embedded default runs the job worker here;
// set WORKER_IN_WEB=false when workers run as `npm run worker`.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  // `npm start` asks Next to leave SIGTERM/SIGINT to us (NEXT_MANUAL_SIG_HANDLE),
  // so the worker can finish its jobs before the process ends.
  const ownSignals = process.env.NEXT_MANUAL_SIG_HANDLE === "true";
  const { config } = await import("./lib/config");
  const { exitOnSignals, startBackgroundWorker } = await import("./lib/jobs/background");
  const { canSeeClients } = await import("./lib/http/client-ip");
  if (!canSeeClients()) {
    console.warn(
      "Rate limits cannot tell clients apart: all clients share one bucket. Serve with `npm start` " +
        "(it passes each socket address) or, behind reverse proxies, set TRUSTED_PROXY_HOPS.",
    );
  }
  if (config.runWorkerInWeb) startBackgroundWorker({ exitWhenStopped: ownSignals });
  else if (ownSignals) exitOnSignals();
}
