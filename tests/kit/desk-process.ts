// Desk processes for crash and scale-out tests: web processes (`next start`)
// and workers (`npm run worker`) on one database, which a test can kill -9
// and start again on the same database. Needs a build (npm test makes one).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ADMIN, runToEnd, waitForHealth } from "./app-server";
import { freePort } from "./free-port";

const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

export interface DeskProcess {
  name: string;
  /** Base URL of a web process (loopback); empty for a worker. */
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Ends it: "SIGKILL" is kill -9 (nothing runs after it), "SIGTERM" lets it finish its jobs. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** The environment of a desk on `databaseUrl`, as `npm start` would get it from .env. */
export function deskEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-data-"));
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    AUTH_TRUST_HOST: "true",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ADMIN_API_TOKEN: ADMIN.apiToken,
    RESEND_API_KEY: "",
    HELPDESK_FAIL_POINT: "",
    // Queries on db inside a transaction throw (lib/db.ts), as in unit tests.
    HELPDESK_STRICT_TX: "1",
    ...extra,
  } as NodeJS.ProcessEnv;
}

/** Migrations and first-start data, as `npm start` does before serving. */
export async function prepareDesk(env: NodeJS.ProcessEnv) {
  await runToEnd(bin("tsx"), ["--conditions=react-server", "scripts/prepare.ts"], env);
}

function track(name: string, url: string, child: ChildProcess): DeskProcess {
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? (signal ? -1 : null))),
  );
  return {
    name,
    url,
    child,
    output: () => log,
    exited,
    stop: async (signal = "SIGKILL") => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), 25_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Serves the built app on a free loopback port (or `port`) and waits until it is healthy. */
export async function startWeb(
  env: NodeJS.ProcessEnv,
  options: { name?: string; port?: number } = {},
): Promise<DeskProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // Idle connections kept 70 s, as startApp does (Node's 5 s races a client's reuse).
  const args = ["start", "-H", "127.0.0.1", "-p", String(port), "--keepAliveTimeout", "70000"];
  const child = spawn(bin("next"), args, {
    cwd: root,
    env: { ...env, PORT: String(port), APP_URL: env.APP_URL ?? url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const web = track(options.name ?? `web:${port}`, url, child);
  try {
    await waitForHealth(url, child, web.output);
  } catch (error) {
    await web.stop();
    throw error;
  }
  return web;
}

/** A standalone job worker (`npm run worker`), started once it says so. */
export async function startWorker(env: NodeJS.ProcessEnv, name = "worker"): Promise<DeskProcess> {
  // Node itself with tsx's loader (not the tsx wrapper, which would run the
  // worker in a grandchild): a kill -9 hits the worker.
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
    {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const worker = track(name, "", child);
  const deadline = Date.now() + 60_000;
  while (!/job worker \S+ started/.test(worker.output())) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await worker.stop();
      throw new Error(`${name} did not start:\n${worker.output()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return worker;
}

/** Polls `check` every 200 ms until it returns a value other than undefined, or fails after `ms`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
