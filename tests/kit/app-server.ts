// Starts the built app (as `npm start` serves it) on a free port with a fresh database,
// as a user would run it. Needs a build (npm test makes one first).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "./databases";
import { freePort } from "./free-port";

export const ADMIN = {
  email: "admin@example.com",
  password: "admin-password-1",
  apiToken: "hd_test_admin_token_0123456789",
};

export interface RunningApp {
  url: string;
  /** The server process, e.g. to read its memory (/proc/<pid>/status). */
  pid: number;
  env: NodeJS.ProcessEnv;
  database: TestDatabase;
  output: () => string;
  stop: () => Promise<void>;
}

const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

export function runToEnd(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${command} ${args.join(" ")} exited ${code}:\n${out}`)),
    );
  });
}

export async function waitForHealth(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app did not become healthy:\n${output()}`);
}

/** Prepares a fresh database (migrations + first-start seed) and serves the app on it. */
export async function startApp(
  options: { env?: Record<string, string>; templateUrl?: string; shareDatabase?: boolean } = {},
): Promise<RunningApp> {
  // shareDatabase: serve the test file's own database (DATABASE_URL), so the
  // test can arrange rows with lib functions; it is dropped by the file's setup.
  const database: TestDatabase = options.shareDatabase
    ? { url: process.env.DATABASE_URL!, drop: async () => {} }
    : await createTestDatabase(options.templateUrl ?? process.env.TEST_TEMPLATE_DATABASE_URL);
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "helpdesk-data-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    DATA_DIR: dataDir,
    PORT: String(port),
    APP_URL: url,
    AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ADMIN_API_TOKEN: ADMIN.apiToken,
    RESEND_API_KEY: "",
    // Queries on db inside a transaction throw (lib/db.ts), as in unit tests.
    HELPDESK_STRICT_TX: "1",
    ...options.env,
  };
  await runToEnd(bin("tsx"), ["--conditions=react-server", "scripts/prepare.ts"], env);

  // The server `npm start` runs (scripts/server.ts), so tests see what users get.
  // node --import tsx (not the tsx CLI, which would wrap the server in a second process).
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const output = () => log;
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    child.kill("SIGKILL");
    await database.drop();
    throw error;
  }
  return {
    url,
    pid: child.pid!,
    env,
    database,
    output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** fetch against the app's JSON API with a bearer token. */
export function apiClient(app: Pick<RunningApp, "url">, token = ADMIN.apiToken) {
  return async (method: string, pathname: string, body?: unknown) => {
    const res = await fetch(`${app.url}${pathname}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, body: json, headers: res.headers };
  };
}
