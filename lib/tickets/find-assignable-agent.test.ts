import { describe, expect, it } from "vitest";
import { createAgentWithAccess } from "../../tests/kit/scopes";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { findAssignableAgent } from "./find-assignable-agent";

const queueId = async (name: string) => (await db.queue.findUniqueOrThrow({ where: { name } })).id;

describe("findAssignableAgent", () => {
  it("accepts an active agent with rw on the queue, and admins for any queue", async () => {
    await seedDatabase();
    const writer = await createAgentWithAccess({ WLAN: "rw" });
    const admin = await createAgentWithAccess({}, { role: "admin" });
    const wlan = await queueId("WLAN");
    const found = await findAssignableAgent({
      email: ` ${writer.email.toUpperCase()} `,
      queueId: wlan,
      role: "owner",
    });
    expect(found.id).toBe(writer.id);
    expect(
      (await findAssignableAgent({ email: admin.email, queueId: wlan, role: "responsible" })).id,
    ).toBe(admin.id);
  });

  it("refuses read-only, other-queue, inactive and unknown agents alike, on the field asked", async () => {
    await seedDatabase();
    const reader = await createAgentWithAccess({ WLAN: "ro", VoIP: "rw" });
    const gone = await createAgentWithAccess({ WLAN: "rw" });
    await db.agent.update({ where: { id: gone.id }, data: { active: false } });
    const wlan = await queueId("WLAN");
    for (const email of [reader.email, gone.email, "nobody@example.org"]) {
      await expect(
        findAssignableAgent({ email, queueId: wlan, role: "responsible" }),
      ).rejects.toMatchObject({
        code: "validation",
        fields: { responsible: [expect.any(String)] },
      });
    }
    // The same reader is fine where it has rw (a queue change is judged by the target queue).
    expect(
      (
        await findAssignableAgent({
          email: reader.email,
          queueId: await queueId("VoIP"),
          role: "owner",
        })
      ).id,
    ).toBe(reader.id);
  });
});
