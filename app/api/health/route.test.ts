// The health check answers 503 when the database cannot be reached.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";
import { freePort } from "@/tests/kit/free-port";

const root = path.resolve(import.meta.dirname, "../../..");

it("answers 503 with db unreachable when the database is down", async () => {
  const port = await freePort();
  const deadPort = await freePort(); // nothing listens there
  const child = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${deadPort}/nowhere`,
      WORKER_IN_WEB: "false",
      AUTH_SECRET: "test-secret-test-secret-test-secret-0123",
    },
    stdio: "ignore",
  });
  try {
    let res: Response | undefined;
    const deadline = Date.now() + 60_000;
    while (!res && Date.now() < deadline) {
      res = await fetch(`http://localhost:${port}/api/health`).catch(() => undefined);
      if (!res) await new Promise((r) => setTimeout(r, 250));
    }
    expect(res?.status).toBe(503);
    expect(await res!.json()).toMatchObject({
      status: "error",
      db: "unreachable",
      database: "postgresql",
    });
  } finally {
    child.kill("SIGKILL");
  }
});
