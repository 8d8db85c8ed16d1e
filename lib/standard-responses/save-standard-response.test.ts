import { beforeAll, describe, expect, it } from "vitest";
import type { AuditActor } from "../admin/record-audit";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { getStandardResponseForAdmin } from "./list-standard-responses-for-admin";
import {
  createStandardResponse,
  deleteStandardResponse,
  updateStandardResponse,
} from "./save-standard-response";
import { standardResponseFormSchema } from "./schemas";

let actor: AuditActor;
const queueId = (name: string) => db.queue.findUniqueOrThrow({ where: { name } }).then((q) => q.id);

beforeAll(async () => {
  await seedDatabase();
  const admin = await db.agent.findFirstOrThrow({ where: { role: "admin" } });
  actor = { agentId: admin.id, name: admin.name, via: "api" };
});

const audit = (id: number) =>
  db.auditEntry.findMany({
    where: { objectType: "standardResponse", objectId: String(id) },
    orderBy: { id: "asc" },
  });

describe("standard responses", () => {
  it("are created for queues, changed, deactivated and deleted — each audited old → new", async () => {
    const [web, wlan] = [await queueId("Web"), await queueId("WLAN")];
    const input = standardResponseFormSchema.parse({
      name: "Password reset",
      body: "Dear {{customer.name}}, your password was reset.",
      active: "on",
      queueIds: [String(web), String(wlan)],
    });
    const created = await createStandardResponse({ actor, input });
    expect(
      (await getStandardResponseForAdmin(created.id)).queues.map((q) => q.name).sort(),
    ).toEqual(["WLAN", "Web"]);

    await updateStandardResponse({
      actor,
      responseId: created.id,
      input: { queueIds: [web], active: false },
    });
    const stored = await getStandardResponseForAdmin(created.id);
    expect([stored.active, stored.queues.map((q) => q.name)]).toEqual([false, ["Web"]]);

    await deleteStandardResponse({ actor, responseId: created.id });
    expect(await db.standardResponse.findUnique({ where: { id: created.id } })).toBeNull();
    const entries = await audit(created.id);
    expect(entries.map((e) => [e.action, e.via])).toEqual([
      ["standardResponse.create", "api"],
      ["standardResponse.update", "api"],
      ["standardResponse.delete", "api"],
    ]);
    expect(entries[1].changes).toEqual({
      active: { old: true, new: false },
      queues: { old: ["WLAN", "Web"], new: ["Web"] },
    });
    expect(entries[2].changes).toMatchObject({ name: { old: "Password reset", new: null } });
  });

  it("refuse a taken name or an unknown queue and then write nothing", async () => {
    const before = await db.auditEntry.count();
    await expect(
      createStandardResponse({
        actor,
        input: { name: "Solved", body: "x", active: true, queueIds: [] },
      }),
    ).rejects.toMatchObject({ key: "taken", fields: { name: expect.any(Array) } });
    await expect(
      createStandardResponse({
        actor,
        input: { name: "New one", body: "x", active: true, queueIds: [999_999] },
      }),
    ).rejects.toMatchObject({ key: "unknownQueue" });
    expect(await db.standardResponse.findUnique({ where: { name: "New one" } })).toBeNull();
    expect(await db.auditEntry.count()).toBe(before);
  });

  it("read an unticked form as inactive and serving no queue", () => {
    expect(standardResponseFormSchema.parse({ name: "N", body: "B" })).toEqual({
      name: "N",
      body: "B",
      active: false,
      queueIds: [],
    });
    expect(
      standardResponseFormSchema
        .safeParse({ name: " ", body: "" })
        .error?.issues.map((i) => [i.path[0], i.message]),
    ).toEqual([
      ["name", "required"],
      ["body", "required"],
    ]);
  });
});
