// The MTA pipe against the built desk (needs `next build`): exit 75 while the
// desk is down, 0 once it is up (the message arrives once, also when the MTA
// tries again), 75 for a wrong secret, 65 for a message too large.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { deskEnv, startWeb, type DeskProcess } from "@/tests/kit/desk-process";
import { freePort } from "@/tests/kit/free-port";
import { buildMail, newMessageId } from "@/tests/kit/mail";
import { newWebhookSecret } from "@/tests/kit/webhooks";

const root = path.resolve(import.meta.dirname, "..");
const secret = newWebhookSecret();
let port: number;
let web: DeskProcess | undefined;
const env = () =>
  deskEnv(process.env.DATABASE_URL!, {
    INBOUND_WEBHOOK_SECRET: secret,
    INBOUND_MAX_BYTES: "200000",
    WORKER_IN_WEB: "false",
  });

/** Runs the pipe as an MTA would: the message on stdin; resolves with its exit code and output. */
function pipe(raw: Buffer, options: { secret?: string } = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      ["scripts/mail-pipe.mjs", "--url", `http://127.0.0.1:${port}/api/inbound/mime`],
      {
        cwd: root,
        env: { ...process.env, INBOUND_WEBHOOK_SECRET: options.secret ?? secret },
      },
    );
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
    child.stdin.end(raw);
  });
}

beforeAll(async () => {
  await seedDatabase();
  port = await freePort();
});
afterAll(async () => {
  await web?.stop("SIGTERM");
});

describe("npm run mail:pipe", () => {
  const subject = `Pipe delivery ${newMessageId()}`;
  const raw = buildMail({ messageId: newMessageId(), subject });

  it("exits 75 (the MTA tries again) while the desk is down", async () => {
    const { code, out } = await pipe(raw);
    expect(code, out).toBe(75);
    expect(out).toMatch(/not reachable/);
  });

  it("exits 0 once the desk is up, and the message arrives once when the MTA tries again", async () => {
    web = await startWeb(env(), { port });
    const first = await pipe(raw);
    expect(first.code, first.out).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ status: "processed" });
    const again = await pipe(raw);
    expect(again.code, again.out).toBe(0);
    expect(JSON.parse(again.out)).toMatchObject({ status: "duplicate" });
    expect(await db.ticket.count({ where: { title: subject } })).toBe(1);
  });

  it("exits 75 for a wrong secret (the desk's configuration, never a bounce)", async () => {
    const { code, out } = await pipe(raw, { secret: newWebhookSecret() });
    expect(code, out).toBe(75);
    expect(out).toMatch(/401/);
  });

  it("exits 65 (bounce) for a message larger than the desk takes", async () => {
    const big = buildMail({ messageId: newMessageId(), text: "x".repeat(300_000) });
    const { code, out } = await pipe(big);
    expect(code, out).toBe(65);
  });

  it("exits 75 again when the desk has stopped", async () => {
    await web!.stop("SIGTERM");
    web = undefined;
    const { code } = await pipe(buildMail({ messageId: newMessageId() }));
    expect(code).toBe(75);
  });
});
