// Groups (issue 14): create, rename, queues they grant, members ro/rw — and what
// the members' scope then is; every change audited with old and new values.
import { beforeAll, describe, expect, it } from "vitest";
import { scopeForAgent } from "../access/scope";
import type { AuditActor } from "../admin/record-audit";
import { createAgent } from "../agents/create-agent";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { createGroup, updateGroup } from "./manage-groups";
import { updateGroupSchema } from "./schemas";

let actor: AuditActor;
const queueId = async (name: string) => (await db.queue.findUniqueOrThrow({ where: { name } })).id;

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "api" };
});

describe("groups", () => {
  it("grant their queues to their members, read-only or read-write", async () => {
    const group = await createGroup({ actor, name: "Network" });
    await expect(createGroup({ actor, name: "Network" })).rejects.toMatchObject({
      key: "nameTaken",
    });
    const reader = await createAgent({
      email: "reader@example.org",
      name: "R",
      password: "x-password-1",
    });
    const writer = await createAgent({
      email: "writer@example.org",
      name: "W",
      password: "x-password-1",
    });
    const wlan = await queueId("WLAN");
    await updateGroup({
      actor,
      groupId: group.id,
      changes: {
        name: "Networks",
        queueIds: [wlan],
        members: [
          { agentId: reader.id, permission: "ro" },
          { agentId: writer.id, permission: "rw" },
        ],
      },
    });
    expect(await scopeForAgent(reader)).toMatchObject({ readQueueIds: [wlan], writeQueueIds: [] });
    expect(await scopeForAgent(writer)).toMatchObject({
      readQueueIds: [wlan],
      writeQueueIds: [wlan],
    });

    const entries = await db.auditEntry.findMany({
      where: { objectType: "group", objectId: String(group.id) },
      orderBy: { id: "asc" },
    });
    expect(entries.map((e) => [e.action, e.via])).toEqual([
      ["group.create", "api"],
      ["group.update", "api"],
    ]);
    expect(entries[1].changes).toMatchObject({
      name: { old: "Network", new: "Networks" },
      queues: { old: [], new: ["WLAN"] },
      members: { old: {}, new: { "reader@example.org": "ro", "writer@example.org": "rw" } },
    });

    // A queue leaves only by joining another group; members alone are their own action.
    await expect(
      updateGroup({ actor, groupId: group.id, changes: { queueIds: [] } }),
    ).rejects.toMatchObject({ key: "queueNeedsGroup" });
    await updateGroup({ actor, groupId: group.id, changes: { members: [] } });
    expect(await scopeForAgent(writer)).toMatchObject({ readQueueIds: [], writeQueueIds: [] });
    expect(
      (await db.auditEntry.findFirst({ where: { objectType: "group" }, orderBy: { id: "desc" } }))
        ?.action,
    ).toBe("group.membership.update");
  });

  it("read their form: one select per member, one checkbox per queue", () => {
    const parsed = updateGroupSchema.parse({
      groupId: "3",
      name: " Web team ",
      member_7: "rw",
      member_8: "",
      member_9: "ro",
      queue_2: "on",
    });
    expect(parsed).toEqual({
      groupId: 3,
      name: "Web team",
      queueIds: [2],
      members: [
        { agentId: 7, permission: "rw" },
        { agentId: 9, permission: "ro" },
      ],
    });
  });
});
