// The provisioning API for agents and groups (issue 14, item 9), against the
// built app: admin tokens only, the same rules as the pages, audited via "api";
// a revoked token or a deactivated agent's token answers 401 at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditActor } from "@/lib/admin/audit-actor";
import { createApiToken, revokeApiTokenAsAdmin } from "@/lib/agents/api-tokens";
import { createAgent } from "@/lib/agents/create-agent";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { ADMIN, apiClient, startApp, type RunningApp } from "@/tests/kit/app-server";

let app: RunningApp;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  await seedDatabase();
  app = await startApp({ shareDatabase: true, env: { WORKER_IN_WEB: "false" } });
  admin = apiClient(app);
});
afterAll(async () => {
  await app?.stop();
});

describe("/api/v1/agents and /api/v1/groups", () => {
  it("answer agents 404 as the admin pages do, refuse read-only tokens (403), and say nothing without a token (401)", async () => {
    const agent = await createAgent({
      email: "plain@example.org",
      name: "P",
      password: "plain-password",
    });
    const plain = apiClient(app, (await createApiToken({ agentId: agent.id, name: "t" })).token);
    expect((await plain("GET", "/api/v1/agents")).status).toBe(404);
    expect((await plain("POST", "/api/v1/groups", { name: "X" })).status).toBe(404);
    const adminAgent = await db.agent.findUniqueOrThrow({ where: { email: ADMIN.email } });
    const readOnly = apiClient(
      app,
      (await createApiToken({ agentId: adminAgent.id, name: "ro", readOnly: true })).token,
    );
    expect((await readOnly("GET", "/api/v1/groups")).status).toBe(200);
    expect((await readOnly("POST", "/api/v1/groups", { name: "X" })).status).toBe(403);
    expect(await db.group.count({ where: { name: "X" } })).toBe(0);
    expect((await fetch(`${app.url}/api/v1/agents`)).status).toBe(401);
  });

  it("provision a group and an agent in it; validation names the field", async () => {
    const group = await admin("POST", "/api/v1/groups", { name: "Telephony" });
    expect(group.status).toBe(201);
    const patched = await admin("PATCH", `/api/v1/groups/${group.body.id}`, { queues: ["VoIP"] });
    expect(patched.body).toMatchObject({ name: "Telephony", queues: ["VoIP"] });

    const bad = await admin("POST", "/api/v1/agents", { email: "not-an-address", name: "" });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(expect.arrayContaining(["email", "name"]));

    const created = await admin("POST", "/api/v1/agents", {
      email: "Vera@Example.org",
      name: "Vera",
      password: "vera-password-1",
      groups: [{ group: "Telephony", permission: "rw" }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: "vera@example.org",
      role: "agent",
      active: true,
      groups: [{ group: "Telephony", permission: "rw" }],
    });
    expect(
      (await admin("POST", "/api/v1/agents", { email: "vera@example.org", name: "V" })).status,
    ).toBe(409);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { action: "agent.create", objectId: String(created.body.id) },
    });
    expect(audit.via).toBe("api");
  });

  it("a deactivated agent's token and a revoked token answer 401 at once", async () => {
    const created = await admin("POST", "/api/v1/agents", {
      email: "tilo@example.org",
      name: "Tilo",
      role: "admin",
      password: "tilo-password-1",
    });
    const token = await createApiToken({ agentId: created.body.id, name: "tilo" });
    const tilo = apiClient(app, token.token);
    expect((await tilo("GET", "/api/v1/groups")).status).toBe(200);
    const adminAgent = await db.agent.findUniqueOrThrow({ where: { email: ADMIN.email } });
    await revokeApiTokenAsAdmin({ actor: auditActor(adminAgent), tokenId: token.record.id });
    expect((await tilo("GET", "/api/v1/groups")).status).toBe(401);

    const second = apiClient(
      app,
      (await createApiToken({ agentId: created.body.id, name: "t2" })).token,
    );
    expect((await second("GET", "/api/v1/groups")).status).toBe(200);
    const off = await admin("DELETE", `/api/v1/agents/${created.body.id}`);
    expect(off.body).toMatchObject({ active: false });
    expect((await second("GET", "/api/v1/groups")).status).toBe(401);
  });
});
