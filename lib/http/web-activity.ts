// How busy this process's web server is, for the job worker running in the same
// process (lib/jobs/worker.ts): scripts/server.ts counts the requests in flight and
// the worker lets them go first. The count lives on globalThis because the server
// script and Next's bundle each load their own copy of this module.
import type { EventEmitter } from "node:events";

interface WebActivity {
  inFlight: number;
  /** Callers of whenWebIdle waiting for the count to reach zero. */
  waiters: Set<() => void>;
}

const KEY = Symbol.for("helpdesk.webActivity");

function activity(): WebActivity {
  const holder = globalThis as unknown as Record<symbol, WebActivity | undefined>;
  return (holder[KEY] ??= { inFlight: 0, waiters: new Set() });
}

/**
 * Counts one request, given its ServerResponse, as in flight until the response is done
 * or its connection closes (the response's "close", emitted once in both cases).
 */
export function trackWebRequest(res: EventEmitter) {
  const state = activity();
  state.inFlight++;
  res.once("close", () => {
    state.inFlight--;
    if (state.inFlight > 0) return;
    for (const wake of state.waiters) wake();
  });
}

/** Requests of this process's web server that have arrived and not been answered. */
export function webRequestsInFlight(): number {
  return activity().inFlight;
}

/**
 * Resolves once no request of this process's web server is in flight, or after
 * `maxWaitMs` (milliseconds) at the latest; at once in a process without a web server
 * (`npm run worker`). When the last request is answered, it waits one turn of the event
 * loop more: requests that have arrived meanwhile are read in that turn and go first.
 */
export function whenWebIdle(maxWaitMs: number): Promise<void> {
  const state = activity();
  return new Promise<void>((resolve) => {
    if (state.inFlight === 0) return resolve();
    const finish = () => {
      state.waiters.delete(check);
      clearTimeout(deadline);
      resolve();
    };
    function check() {
      setImmediate(() => {
        if (state.inFlight === 0) finish();
      });
    }
    const deadline = setTimeout(finish, maxWaitMs).unref();
    state.waiters.add(check);
  });
}
