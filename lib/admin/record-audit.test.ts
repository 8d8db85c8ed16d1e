import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction } from "../db";
import { seedDatabase } from "../setup/seed";
import { diffForAudit, recordAudit, type AuditActor } from "./record-audit";

let actor: AuditActor;

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "web" };
});

describe("diffForAudit", () => {
  it("keeps only changed fields, dates as UTC strings", () => {
    const when = new Date("2026-12-01T08:00:00Z");
    expect(
      diffForAudit(
        { name: "Web", priority: 3, from: null, same: new Date(when) },
        { name: "Web support", priority: 3, from: when, same: new Date(when) },
      ),
    ).toEqual({
      name: { old: "Web", new: "Web support" },
      from: { old: null, new: "2026-12-01T08:00:00.000Z" },
    });
  });

  it("never writes a secret's value, listed or named like one", () => {
    const changes = diffForAudit(
      { passwordHash: "hash-before", webhookSecret: "whsec-before", pin: "pin-before" },
      { passwordHash: "hash-after", webhookSecret: "whsec-after", pin: "pin-after" },
      ["pin"],
    );
    expect(JSON.stringify(changes)).not.toMatch(/before|after/);
    expect(changes.passwordHash).toEqual({ old: null, new: "(changed)" });
    expect(changes.pin).toEqual({ old: null, new: "(changed)" });
  });
});

describe("recordAudit", () => {
  it("writes one entry in the caller's transaction, and none for a no-op update", async () => {
    const before = await db.auditEntry.count();
    await transaction((tx) =>
      recordAudit(tx, {
        actor,
        action: "queue.update",
        objectType: "queue",
        objectId: 7,
        objectName: "Web",
        before: { name: "Web" },
        after: { name: "Web support" },
      }),
    );
    expect(
      await transaction((tx) =>
        recordAudit(tx, {
          actor,
          action: "queue.update",
          objectType: "queue",
          objectId: 7,
          before: { name: "Web" },
          after: { name: "Web" },
        }),
      ),
    ).toBe(false);
    const entries = await db.auditEntry.findMany({
      where: { id: { gt: 0 } },
      orderBy: { id: "asc" },
    });
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      actorId: actor.agentId,
      actorName: actor.name,
      via: "web",
      action: "queue.update",
      objectType: "queue",
      objectId: "7",
      objectName: "Web",
      changes: { name: { old: "Web", new: "Web support" } },
    });
  });

  it("is rolled back with the change it records", async () => {
    const before = await db.auditEntry.count();
    await expect(
      transaction(async (tx) => {
        await recordAudit(tx, {
          actor,
          action: "group.create",
          objectType: "group",
          objectId: 1,
          after: { name: "VoIP" },
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.auditEntry.count()).toBe(before);
  });
});
