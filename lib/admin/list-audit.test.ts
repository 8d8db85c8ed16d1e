import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "../db";
import { seedDatabase } from "../setup/seed";
import { AUDIT_PAGE_SIZE, listAuditEntries } from "./list-audit";
import { recordAudit, type AuditActor } from "./record-audit";

let actor: AuditActor;

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "web" };
  await transaction(async (tx) => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++)
      await recordAudit(tx, {
        actor,
        action: i % 2 ? "group.update" : "agent.update",
        objectType: i % 2 ? "group" : "agent",
        objectId: i,
        before: { n: i },
        after: { n: i + 1 },
      });
  });
});

describe("listAuditEntries", () => {
  it("pages newest first by id without gaps or repeats", async () => {
    const first = await listAuditEntries({});
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await listAuditEntries({ cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(AUDIT_PAGE_SIZE + 5);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it("filters by action, object, actor and date range", async () => {
    const groups = await listAuditEntries({ action: "group.update" });
    expect(groups.entries.every((e) => e.objectType === "group")).toBe(true);
    expect((await listAuditEntries({ objectType: "agent", objectId: "4" })).entries).toHaveLength(
      1,
    );
    expect((await listAuditEntries({ actorId: actor.agentId + 999 })).entries).toEqual([]);
    expect((await listAuditEntries({ to: new Date("2000-01-01") })).entries).toEqual([]);
    expect(
      (await listAuditEntries({ from: new Date(Date.now() - 3600_000) })).entries.length,
    ).toBeGreaterThan(0);
  });
});
