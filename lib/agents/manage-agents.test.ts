// Administration of agents (issue 14): creation, invitation and reset links,
// the last-admin rule (also under concurrency), session versions, audit rows.
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "../admin/record-audit";
import { db } from "../db";
import { seedDatabase, DEFAULT_GROUP } from "../setup/seed";
import { authenticateAgent, findSessionAgent } from "./authenticate-agent";
import { setPasswordWithLink } from "./password-links";
import { provisionAgent } from "./provision-agent";
import { resetAgentPassword, updateAgent } from "./update-agent";

let actor: AuditActor;
let groupId: number;

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "web" };
  groupId = (await db.group.findUniqueOrThrow({ where: { name: DEFAULT_GROUP } })).id;
});

const signIn = (email: string, password: string) =>
  authenticateAgent({ email, password, ip: `198.51.100.${Math.floor(Math.random() * 250)}` });

const newAgent = (
  email: string,
  extra: Partial<Parameters<typeof provisionAgent>[0]["input"]> = {},
) =>
  provisionAgent({
    actor,
    input: {
      email,
      name: email.split("@")[0],
      role: "agent",
      locale: null,
      memberships: [],
      ...extra,
    },
  });

/** The plain token of the newest password-link mail to `to` (before the worker scrubs it). */
async function lastPasswordLink(to: string) {
  const jobs = await db.job.findMany({ where: { type: "mail.send" }, orderBy: { id: "desc" } });
  const payload = jobs
    .map(
      (j) =>
        j.payload as { kind: string; to: string; secret?: boolean; data?: Record<string, string> },
    )
    .find((p) => p.kind === "agent-password-link" && p.to === to);
  expect(payload?.secret).toBe(true);
  return payload!.data!.link.split("/set-password/")[1];
}

const lastAudit = (objectId: number) =>
  db.auditEntry.findFirst({
    where: { objectType: "agent", objectId: String(objectId) },
    orderBy: { id: "desc" },
  });

describe("provisionAgent", () => {
  it("creates an agent with a password and group memberships, audited with the values", async () => {
    const agent = await newAgent("Ada@Example.org", {
      password: "ada-password-1",
      memberships: [{ groupId, permission: "ro" }],
    });
    expect(agent.email).toBe("ada@example.org");
    expect(await signIn("ada@example.org", "ada-password-1")).toMatchObject({ ok: true });
    expect(await lastAudit(agent.id)).toMatchObject({
      action: "agent.create",
      actorId: actor.agentId,
      changes: {
        email: { old: null, new: "ada@example.org" },
        role: { old: null, new: "agent" },
        memberships: { old: null, new: { [DEFAULT_GROUP]: "ro" } },
      },
    });
    await expect(newAgent("ada@example.org")).rejects.toMatchObject({ key: "emailTaken" });
  });

  it("invites by a link that works once and expires; the password is never in the audit", async () => {
    const agent = await newAgent("ivy@example.org");
    expect(await signIn("ivy@example.org", "anything-at-all")).toMatchObject({ ok: false });
    expect((await lastAudit(agent.id))?.action).toBe("agent.invite");
    const token = await lastPasswordLink("ivy@example.org");
    await setPasswordWithLink({ token, password: "ivy-password-1" });
    expect(await signIn("ivy@example.org", "ivy-password-1")).toMatchObject({ ok: true });
    await expect(setPasswordWithLink({ token, password: "second-try-99" })).rejects.toMatchObject({
      key: "linkInvalid",
    });

    await resetAgentPassword({ actor, agentId: agent.id });
    const reset = await lastPasswordLink("ivy@example.org");
    const tomorrow = new Date(Date.now() + 25 * 3600_000);
    await expect(
      setPasswordWithLink({ token: reset, password: "too-late-password", now: tomorrow }),
    ).rejects.toMatchObject({ key: "linkInvalid" });
    const audit = await lastAudit(agent.id);
    expect(audit?.action).toBe("agent.passwordReset");
    expect(JSON.stringify(audit?.changes)).not.toMatch(/scrypt|ivy-password/);
  });
});

describe("session versions", () => {
  it("a reset, a role change or deactivation ends existing sessions; an edit of the name does not", async () => {
    const agent = await newAgent("sam@example.org", { password: "sam-password-1" });
    const signedIn = await signIn("sam@example.org", "sam-password-1");
    if (!signedIn.ok) throw new Error("sign-in failed");
    const session = { agentId: agent.id, sessionVersion: signedIn.agent.sessionVersion };
    expect(await findSessionAgent(session)).not.toBeNull();

    await updateAgent({ actor, agentId: agent.id, changes: { name: "Sam S." } });
    expect(await findSessionAgent(session)).not.toBeNull();

    await updateAgent({ actor, agentId: agent.id, changes: { role: "admin" } });
    expect(await findSessionAgent(session)).toBeNull();

    const again = await signIn("sam@example.org", "sam-password-1");
    if (!again.ok) throw new Error("sign-in failed");
    const second = { agentId: agent.id, sessionVersion: again.agent.sessionVersion };
    await updateAgent({ actor, agentId: agent.id, changes: { active: false } });
    expect(await findSessionAgent(second)).toBeNull();
    expect(await signIn("sam@example.org", "sam-password-1")).toMatchObject({ ok: false });
    expect(await lastAudit(agent.id)).toMatchObject({
      action: "agent.deactivate",
      changes: { active: { old: true, new: false } },
    });

    await updateAgent({ actor, agentId: agent.id, changes: { active: true } });
    const third = await signIn("sam@example.org", "sam-password-1");
    if (!third.ok) throw new Error("sign-in failed");
    await resetAgentPassword({ actor, agentId: agent.id });
    expect(
      await findSessionAgent({ agentId: agent.id, sessionVersion: third.agent.sessionVersion }),
    ).toBeNull();
    expect(await signIn("sam@example.org", "sam-password-1")).toMatchObject({ ok: false });
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or deactivated; nothing changes and nothing is audited", async () => {
    const admins = await db.agent.findMany({ where: { role: "admin", active: true } });
    // Leave exactly one active admin.
    for (const extra of admins.slice(1))
      await updateAgent({ actor, agentId: extra.id, changes: { role: "agent" } });
    const [last] = await db.agent.findMany({ where: { role: "admin", active: true } });
    const audits = await db.auditEntry.count();
    for (const changes of [{ role: "agent" as const }, { active: false }]) {
      await expect(updateAgent({ actor, agentId: last.id, changes })).rejects.toMatchObject({
        key: "lastAdmin",
        code: "conflict",
      });
    }
    expect(await db.agent.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
      role: "admin",
      active: true,
    });
    expect(await db.auditEntry.count()).toBe(audits);
  });

  it("holds when two admins demote each other at the same time", async () => {
    const second = await newAgent("root2@example.org", {
      role: "admin",
      password: "root2-password",
    });
    const admins = await db.agent.findMany({ where: { role: "admin", active: true } });
    expect(admins).toHaveLength(2);
    const results = await Promise.allSettled(
      admins.map((a) =>
        updateAgent({
          actor: a.id === second.id ? { agentId: second.id, name: "root2", via: "web" } : actor,
          agentId: a.id === second.id ? admins.find((b) => b.id !== second.id)!.id : second.id,
          changes: { role: "agent" },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ key: "lastAdmin" });
    expect(await db.agent.count({ where: { role: "admin", active: true } })).toBe(1);
  });
});
