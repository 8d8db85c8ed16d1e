// Deterministic half of the intake measurement: how many SQL statements (round
// trips to the database) each intake path costs per created ticket. Counted at
// the driver (a better-sqlite3 statement's run/all/get or `exec`, pg `Client.query`), so BEGIN,
// COMMIT and the write-lock statement count too. The lib functions run in this
// process against a fresh, migrated and seeded database: no HTTP, no timing.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { migrateDeploy } from "../scripts/db/migrations";
import { createTestDatabase } from "../tests/kit/databases";

let statements = 0;
let inTransaction = 0;
let depth = 0;

function countStatement(sql: unknown) {
  statements++;
  const text = typeof sql === "string" ? sql : ((sql as { text?: string })?.text ?? "");
  if (process.env.STATEMENTS_LOG)
    console.log(
      `${depth > 0 ? "  tx " : "     "}${text.slice(0, Number(process.env.STATEMENTS_WIDTH ?? 140))}`,
    );
  if (/^\s*BEGIN/i.test(text)) depth++;
  if (depth > 0) inTransaction++;
  if (/^\s*(COMMIT|ROLLBACK)\b/i.test(text)) depth = Math.max(0, depth - 1);
}

function installCounter() {
  // SQLite: counted when a statement runs (lib/db.ts prepares each SQL text once and reuses
  // it, so counting `prepare` would miss every reuse); `exec` runs scripts.
  type Methods = Record<string, (...args: unknown[]) => unknown>;
  const probe = new Database(":memory:");
  const statement = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Methods;
  probe.close();
  for (const method of ["run", "all", "get", "iterate"]) {
    const original = statement[method];
    statement[method] = function (this: { source: string }, ...args: unknown[]) {
      countStatement(this.source);
      return original.apply(this, args);
    };
  }
  const database = Database.prototype as unknown as Methods;
  const exec = database.exec;
  database.exec = function (this: unknown, ...args: unknown[]) {
    countStatement(args[0]);
    return exec.apply(this, args);
  };
  const client = pg.Client.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  const query = client.query;
  client.query = function (this: unknown, ...args: unknown[]) {
    countStatement(args[0]);
    return query.apply(this, args);
  };
}

export interface StatementCount {
  path: string;
  /** Statements per call, averaged over the measured calls (after one warm-up). */
  perTicket: number;
  /** Of those, inside the ticket's transaction (BEGIN…COMMIT). */
  inTransaction: number;
}

/** Statements per ticket of `calls` calls of `fn`, each creating `ticketsPerCall` tickets. */
async function measure(
  path: string,
  calls: number,
  fn: (i: number) => Promise<unknown>,
  ticketsPerCall = 1,
) {
  await fn(-1); // warm-up: per-process caches filled, as in a running server
  statements = 0;
  inTransaction = 0;
  for (let i = 0; i < calls; i++) await fn(i);
  const tickets = calls * ticketsPerCall;
  return {
    path,
    perTicket: Math.round((statements / tickets) * 10) / 10,
    inTransaction: Math.round((inTransaction / tickets) * 10) / 10,
  };
}

/** Statements the job worker runs to finish every due job, per ticket that queued them. */
async function measureJobs(path: string, tickets: number) {
  const { createWorker } = await import("../lib/jobs/worker");
  const { jobHandlers } = await import("../lib/jobs/handlers");
  statements = 0;
  inTransaction = 0;
  await createWorker({ handlers: jobHandlers, log: () => {} }).drain();
  return {
    path,
    perTicket: Math.round((statements / tickets) * 10) / 10,
    inTransaction: Math.round((inTransaction / tickets) * 10) / 10,
  };
}

const mail = (subject: string) =>
  Buffer.from(
    [
      `From: Bench Sender <bench-${randomUUID().slice(0, 8)}@example.org>`,
      "To: support@desk.example",
      `Subject: ${subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${randomUUID()}@example.org>`,
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hallo,\r\n\r\nder Drucker zeigt wieder Fehler 0x42.\r\n\r\nViele Grüße\r\n",
    ].join("\r\n"),
  );

/** Statements per created ticket for each intake path, on a fresh database of DATABASE's kind. */
export async function countIntakeStatements(calls = 20): Promise<StatementCount[]> {
  const database = await createTestDatabase();
  try {
    await migrateDeploy(database.url);
    process.env.DATABASE_URL = database.url;
    process.env.ADMIN_API_TOKEN ??= "hd_bench_statements_token_0123456789";
    process.env.RESEND_API_KEY = ""; // mail goes to the outbox table, as in the bench's server
    const { seedDatabase } = await import("../lib/setup/seed");
    await seedDatabase();
    const { db } = await import("../lib/db");
    const { authenticateApiRequest } = await import("../lib/api/authenticate");
    const { apiCreateTicket } = await import("../lib/api/tickets-api");
    const { receiveInboundMail } = await import("../lib/mail/inbound/receive-inbound-mail");
    const { createWebRequest } = await import("../lib/portal/create-web-request");
    const topic = await db.queue.findFirstOrThrow({ where: { isPublic: true, active: true } });
    installCounter();
    const bearer = new Request("http://bench/api/v1/tickets", {
      headers: { authorization: `Bearer ${process.env.ADMIN_API_TOKEN}` },
    });
    const known: string[] = [];
    const results = [
      await measure("API POST /api/v1/tickets (incl. token check)", calls, async () => {
        const caller = await authenticateApiRequest(bearer);
        const created = await apiCreateTicket(caller, {
          customer: { email: `bench-${randomUUID()}@example.org`, name: "Bench Customer" },
          subject: "Drucker druckt nicht",
          body: "Guten Tag,\n\nseit heute Morgen geht es nicht mehr.\n\nDanke",
          queue: "Misc",
        });
        known.push(created.number);
      }),
      // 20 at once: written as one batch (group commit, lib/tickets/create-ticket.ts). Started
      // in one turn, so Prisma merges their token checks too; in the server each request
      // checks its token and queue on its own (BENCHMARKS.md, sixth round).
      await measure(
        "API POST /api/v1/tickets, 20 at once (per ticket)",
        1,
        async () => {
          const created = await Promise.all(
            Array.from({ length: 20 }, async () =>
              apiCreateTicket(await authenticateApiRequest(bearer), {
                customer: { email: `bench-${randomUUID()}@example.org`, name: "Bench Customer" },
                subject: "Drucker druckt nicht",
                body: "Guten Tag,\n\nseit heute Morgen geht es nicht mehr.\n\nDanke",
                queue: "Misc",
              }),
            ),
          );
          known.push(...created.map((t) => t.number));
        },
        20,
      ),
      // What the worker then does for each of those tickets (calls and 20 at once, each with
      // its warm-up):
      // the auto-response mail and the "created" event with its agent notification mail.
      await measureJobs("worker: the jobs one API ticket causes", calls + 1 + 40),
      await measure("inbound MIME, new ticket", calls, (i) =>
        receiveInboundMail({ providerId: `new-${i}-${randomUUID()}`, raw: mail("VPN trennt") }),
      ),
      await measure("inbound MIME, follow-up by tag", calls, (i) =>
        receiveInboundMail({
          providerId: `fu-${i}-${randomUUID()}`,
          raw: mail(`Re: [Ticket#${known[Math.max(i, 0) % known.length]}] Drucker`),
        }),
      ),
      await measure("request form (createWebRequest)", calls, (i) =>
        createWebRequest({
          input: {
            name: "Bench Customer",
            email: `form-${i}-${randomUUID()}@example.org`,
            subject: "Passwort vergessen",
            body: "Bitte zurücksetzen.",
            topic: topic.id,
            attachments: [],
          },
          ip: `10.0.${(i + 2) % 250}.${(i + 7) % 250}`,
          locale: "de",
        }),
      ),
    ];
    await db.$disconnect();
    return results;
  } finally {
    await database.drop();
  }
}

/**
 * Runs the count in a child process (the counter patches the drivers' prototypes, which
 * must not touch the bench's own baseline), against a fresh database of the same kind.
 */
export async function countIntakeStatementsApart(env: NodeJS.ProcessEnv) {
  const { stdout } = await promisify(execFile)(
    path.resolve(__dirname, "../node_modules/.bin/tsx"),
    ["--conditions=react-server", path.resolve(__dirname, "statements.ts"), "--json"],
    { env, maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as StatementCount[];
}

if (process.argv[1]?.endsWith("statements.ts")) {
  countIntakeStatements(Number(process.env.CALLS ?? 20)).then(
    (rows) => {
      if (process.argv.includes("--json")) console.log(`\n${JSON.stringify(rows)}`);
      else console.table(rows);
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
