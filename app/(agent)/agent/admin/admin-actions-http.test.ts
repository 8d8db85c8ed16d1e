// Issue 14: "a direct POST of every admin action changes nothing (assert the data)", over
// HTTP against the built app. Every server action under /agent/admin is taken from the
// build's manifest (.next/server/server-reference-manifest.json: action id -> { filename,
// exportedName }) and POSTed with the Next-Action header by a signed-in plain agent (rw on
// WLAN); every admin write of the REST API (/api/v1, found in app/api/v1) is called with
// that agent's API token. Afterwards every table's rows are as before.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken } from "@/lib/agents/api-tokens";
import { db, isPostgres } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { apiClient, startApp, type RunningApp } from "@/tests/kit/app-server";
import { createAgentWithAccess } from "@/tests/kit/scopes";

const root = path.resolve(__dirname, "../../../..");
const PASSWORD = "unused-password"; // createAgentWithAccess's

/**
 * Left out of the checksum, because a refused request may rightly write them:
 * - RateLimit: fixed-window counters of sign-in attempts and request limits (bookkeeping
 *   of who knocked, not desk data);
 * - ApiToken.lastUsedAt: stamped whenever a token authenticates, refused or not.
 * Sessions are JWT cookies (no table). Everything else counts, every column.
 */
const EXCLUDED_TABLES = new Set(["RateLimit", "_prisma_migrations"]);
const EXCLUDED_COLUMNS: Record<string, string[]> = { ApiToken: ["lastUsedAt"] };

async function tableNames(): Promise<string[]> {
  const rows: { name: string }[] = isPostgres()
    ? await db.$queryRawUnsafe(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
      )
    : await db.$queryRawUnsafe(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
      );
  return rows.map((row) => row.name).filter((name) => !EXCLUDED_TABLES.has(name));
}

async function columnNames(table: string): Promise<string[]> {
  const rows: { name: string }[] = isPostgres()
    ? await db.$queryRawUnsafe(
        `SELECT column_name AS name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1`,
        table,
      )
    : await db.$queryRawUnsafe(`SELECT name FROM pragma_table_info(?)`, table);
  return rows.map((row) => row.name).filter((name) => !EXCLUDED_COLUMNS[table]?.includes(name));
}

/** Per table: row count and the sha256 of its rows, each column as text, sorted. */
async function checksums(): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const table of (await tableNames()).sort()) {
    // Every value as text (SQLite quote() also spells out blobs), so any column type compares.
    const text = (column: string) =>
      isPostgres() ? `"${column}"::text AS "${column}"` : `quote("${column}") AS "${column}"`;
    const columns = await columnNames(table);
    const rows: Record<string, unknown>[] = await db.$queryRawUnsafe(
      `SELECT ${columns.map(text).join(", ")} FROM "${table}"`,
    );
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    sums[table] = `${rows.length}:${createHash("sha256").update(lines.join("\n")).digest("hex")}`;
  }
  return sums;
}

/** The admin server actions of the build: id, file and export name. */
function adminActions() {
  const manifestFile = path.join(root, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename.startsWith("app/(agent)/agent/admin/"))
    .map(([id, entry]) => ({ id, ...entry }));
}

/** The admin REST writes: every POST/PUT/PATCH/DELETE under app/api/v1 but the ticket API. */
function adminApiWrites(): { method: string; route: string }[] {
  const base = path.join(root, "app/api/v1");
  const found: { method: string; route: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = `/api/v1/${path.relative(base, dir)}`;
        if (route.startsWith("/api/v1/tickets")) continue; // the agents' own API, scoped by queue
        const source = fs.readFileSync(full, "utf8");
        for (const [, method] of source.matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g))
          found.push({ method, route });
      }
    }
  };
  walk(base);
  return found;
}

let app: RunningApp;
let cookie = "";
let token = "";
let ids: Record<string, number> = {};

beforeAll(async () => {
  await seedDatabase();
  const plain = await createAgentWithAccess({ WLAN: "rw" }, { email: "plain-http@example.org" });
  token = (await createApiToken({ agentId: plain.id, name: "plain" })).token;
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  const queue = await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } });
  const group = await db.group.findFirstOrThrow();
  const customer = await db.customer.create({
    data: { email: "someone@example.org", name: "Someone" },
  });
  const other = await db.customer.create({ data: { email: "other@example.org", name: "Other" } });
  const response = await db.standardResponse.create({ data: { name: "Hello", body: "Hi" } });
  const inbound = await db.inboundMessage.create({
    data: { provider: "mime", rawSha256: "x", size: 1, status: "failed", error: "test" },
  });
  const job = await db.job.create({
    data: { type: "mail.send", payload: {}, status: "dead", lastError: "test" },
  });
  const adminToken = await createApiToken({ agentId: admin.id, name: "admin" });
  const account = await db.mailAccount.create({
    data: {
      name: "Inbox",
      host: "127.0.0.1",
      port: 1,
      security: "none",
      username: "u",
      passwordEncrypted: "x",
    },
  });
  ids = {
    plain: plain.id,
    admin: admin.id,
    queue: queue.id,
    group: group.id,
    customer: customer.id,
    other: other.id,
    response: response.id,
    inbound: inbound.id,
    job: job.id,
    adminToken: adminToken.record.id,
    account: account.id,
  };
  app = await startApp({ shareDatabase: true, env: { WORKER_IN_WEB: "false" } });
  const signIn = await fetch(`${app.url}/login/submit`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
    body: new URLSearchParams({ email: "plain-http@example.org", password: PASSWORD }),
  });
  cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  expect(cookie).toMatch(/authjs\.session-token=/);
});

afterAll(async () => {
  await app?.stop();
});

/** Fields that would make each admin form valid for an admin (names from lib/<x>/schemas.ts). */
const formFields = () => ({
  id: String(ids.account),
  agentId: String(ids.admin),
  groupId: String(ids.group),
  queueId: String(ids.queue),
  customerId: String(ids.customer),
  targetId: String(ids.other),
  sourceId: String(ids.customer),
  intoId: String(ids.other),
  responseId: String(ids.response),
  inboundId: String(ids.inbound),
  jobId: String(ids.job),
  tokenId: String(ids.adminToken),
  accountId: String(ids.account),
  name: "Taken over",
  email: "taken-over@example.org",
  role: "agent",
  active: "",
  locale: "en",
  organisation: "Intruders",
  body: "Pwned {{ticket.number}}",
  reason: "by a plain agent",
  confirm: "on",
  description: "",
  addresses: "intruder@desk.example",
  host: "127.0.0.1",
  port: "993",
  security: "tls",
  username: "intruder",
  password: "intruder-password",
  folder: "INBOX",
  defaultLocale: "de",
  timeZone: "Europe/Berlin",
  autoMailDailyCap: "1",
});

describe("admin server actions posted by a plain agent", () => {
  it("finds every admin action in the build", () => {
    const files = new Set(adminActions().map((action) => action.filename));
    expect(adminActions().length).toBeGreaterThanOrEqual(20);
    expect(files.size).toBeGreaterThanOrEqual(9);
  });

  it("none succeeds and the data is unchanged", async () => {
    const before = await checksums();
    const fields = formFields();
    for (const action of adminActions()) {
      // Both argument shapes: (formData) for buttons, (previous state, formData) for forms;
      // This React encodes a FormData argument as "$K<n>" with its fields named "_<n>_<field>".
      for (const args of [["$K1"], ["$undefined", "$K1"]]) {
        // The root "0" goes last, as React sends it: the server resolves "$K1" from the
        // fields that arrived before it.
        const encoded = new FormData();
        for (const [name, value] of Object.entries(fields)) encoded.append(`_1_${name}`, value);
        encoded.append("0", JSON.stringify(args));
        const res = await fetch(`${app.url}/agent/admin`, {
          method: "POST",
          redirect: "manual",
          headers: {
            "next-action": action.id,
            origin: app.url,
            accept: "text/x-component",
            cookie,
          },
          body: encoded,
        });
        const text = await res.text();
        const label = `${action.filename} ${action.exportedName} ${JSON.stringify(args)}`;
        expect(text, label).not.toMatch(/"ok":true/);
        expect(res.headers.get("x-action-redirect") ?? "", label).not.toMatch(/\/agent\/admin/);
      }
    }
    expect(await checksums()).toEqual(before);
  });
});

describe("admin REST API called with a plain agent's token", () => {
  it("every admin write is refused and the data is unchanged", async () => {
    const writes = adminApiWrites();
    const routes = new Set(writes.map((write) => write.route.split("/")[3]));
    for (const expected of ["agents", "groups", "queues", "standard-responses", "mail-accounts"])
      expect(routes).toContain(expected);
    const before = await checksums();
    const call = apiClient(app, token);
    const targets: Record<string, number> = {
      agents: ids.admin,
      groups: ids.group,
      queues: ids.queue,
      "standard-responses": ids.response,
      "mail-accounts": ids.account,
      inbound: ids.inbound,
    };
    // A valid body per kind (the create/update schemas are strict), so that only the
    // permission check stands between the call and the write.
    const bodies: Record<string, Record<string, unknown>> = {
      agents: { email: "taken-over@example.org", name: "Taken over", role: "admin" },
      groups: { name: "Taken over" },
      queues: { name: "Taken over", groupId: ids.group, addresses: ["intruder@desk.example"] },
      "standard-responses": { name: "Taken over", body: "Pwned", queueIds: [ids.queue] },
      "mail-accounts": {
        name: "Taken over",
        host: "127.0.0.1",
        port: 993,
        security: "tls",
        username: "intruder",
        password: "intruder-password",
      },
      inbound: {},
    };
    for (const write of writes) {
      const kind = write.route.split("/")[3];
      const route = write.route.replace(/\[id\]/, String(targets[kind]));
      const res = await call(
        write.method,
        route,
        write.method === "DELETE" ? undefined : bodies[kind],
      );
      expect([403, 404], `${write.method} ${route}`).toContain(res.status);
    }
    expect(await checksums()).toEqual(before);
  });

  it("answers 404 before the body is read: an invalid body teaches nothing", async () => {
    const call = apiClient(app, token);
    for (const route of ["agents", "groups", "queues", "standard-responses", "mail-accounts"]) {
      const res = await call("POST", `/api/v1/${route}`, { unexpected: true });
      expect(res.status, route).toBe(404);
      expect(JSON.stringify(res.body), route).not.toMatch(/unexpected|invalid|required/i);
    }
    expect((await call("GET", "/api/v1/queues")).status).toBe(404);
  });
});
