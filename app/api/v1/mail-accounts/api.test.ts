// The mail-account provisioning API against the built app: admins only, writes
// not with a read-only token, the password stored encrypted and never answered,
// a blank password keeping the stored one, deactivation, test connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgent } from "@/lib/agents/create-agent";
import { createApiToken } from "@/lib/agents/api-tokens";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { ADMIN, apiClient, startApp, type RunningApp } from "@/tests/kit/app-server";

let app: RunningApp;
let admin: ReturnType<typeof apiClient>;
let agent: ReturnType<typeof apiClient>;
let readOnly: ReturnType<typeof apiClient>;

const account = {
  name: "Support",
  host: "127.0.0.1",
  port: 1, // nothing listens: the connection test fails with the network's words
  security: "none",
  username: "support",
  password: "secret-imap-password",
  folder: "INBOX",
  afterStore: "move",
  moveTo: "Processed",
  queueId: null,
  pollSeconds: 60,
  active: false,
};

beforeAll(async () => {
  await seedDatabase();
  app = await startApp({
    shareDatabase: true,
    env: { WORKER_IN_WEB: "false", MAIL_ACCOUNT_KEY: "api-test-key" },
  });
  admin = apiClient(app);
  const plain = await createAgent({
    email: "plain@example.org",
    name: "Plain Agent",
    password: "plain-password",
    groups: [],
  });
  agent = apiClient(app, (await createApiToken({ agentId: plain.id, name: "t" })).token);
  const adminAgent = await db.agent.findUniqueOrThrow({ where: { email: ADMIN.email } });
  readOnly = apiClient(
    app,
    (await createApiToken({ agentId: adminAgent.id, name: "ro", readOnly: true })).token,
  );
});

afterAll(async () => {
  await app?.stop();
});

describe("/api/v1/mail-accounts", () => {
  let id: number;

  it("creates an account for an admin and never answers its password", async () => {
    const res = await admin("POST", "/api/v1/mail-accounts", account);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: "Support", hasPassword: true, active: false });
    expect(JSON.stringify(res.body)).not.toContain(account.password);
    id = res.body.id;
    const row = await db.mailAccount.findUniqueOrThrow({ where: { id } });
    expect(row.passwordEncrypted).not.toContain(account.password);
    // The audit names who did it, never the password (not even encrypted).
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "mailAccount.create" } });
    expect(audit).toMatchObject({ via: "api", objectId: String(id), objectName: "Support" });
    expect(JSON.stringify(audit.changes)).not.toContain(row.passwordEncrypted);
    expect(JSON.stringify(audit.changes)).not.toContain(account.password);
    const list = await admin("GET", "/api/v1/mail-accounts");
    expect(JSON.stringify(list.body)).not.toContain(account.password);
    expect(list.body.accounts).toHaveLength(1);
  });

  it("answers agents 404 as the admin pages do, refuses writes with a read-only token (403); validates (422)", async () => {
    expect((await agent("GET", "/api/v1/mail-accounts")).status).toBe(404);
    expect((await agent("POST", "/api/v1/mail-accounts", account)).status).toBe(404);
    expect((await readOnly("GET", "/api/v1/mail-accounts")).status).toBe(200);
    expect((await readOnly("DELETE", `/api/v1/mail-accounts/${id}`)).status).toBe(403);
    const invalid = await admin("POST", "/api/v1/mail-accounts", {
      ...account,
      name: "Other",
      port: 0,
      afterStore: "move",
      moveTo: "",
    });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["moveTo", "port"]);
    expect((await admin("POST", "/api/v1/mail-accounts", account)).status).toBe(409);
  });

  it("keeps the stored password when an update leaves it blank", async () => {
    const before = await db.mailAccount.findUniqueOrThrow({ where: { id } });
    const res = await admin("PUT", `/api/v1/mail-accounts/${id}`, {
      ...account,
      password: "",
      host: "localhost",
    });
    expect(res.status).toBe(200);
    const after = await db.mailAccount.findUniqueOrThrow({ where: { id } });
    expect(after.host).toBe("localhost");
    expect(after.passwordEncrypted).toBe(before.passwordEncrypted);
  });

  it("tests the connection and answers the failure in the network's words", async () => {
    const res = await admin("POST", `/api/v1/mail-accounts/${id}/test`);
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(false);
    expect(res.body.error).toMatch(/ECONNREFUSED|connect/i);
  });

  it("deactivates (204) and answers 404 for an unknown account", async () => {
    await admin("PUT", `/api/v1/mail-accounts/${id}`, { ...account, active: true });
    expect((await admin("DELETE", `/api/v1/mail-accounts/${id}`)).status).toBe(204);
    expect((await db.mailAccount.findUniqueOrThrow({ where: { id } })).active).toBe(false);
    expect((await admin("GET", "/api/v1/mail-accounts/999999")).status).toBe(404);
  });
});
