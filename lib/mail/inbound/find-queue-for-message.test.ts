import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { loadQueueAddresses } from "../own-addresses";
import { findQueueForMessage } from "./find-queue-for-message";

beforeAll(async () => {
  await seedDatabase();
  const queue = (name: string) => db.queue.findUniqueOrThrow({ where: { name } });
  await db.queueAddress.createMany({
    data: [
      { address: "wlan@desk.example", queueId: (await queue("WLAN")).id },
      { address: "voip@desk.example", queueId: (await queue("VoIP")).id },
      { address: "old@desk.example", queueId: (await queue("Misc")).id },
    ],
  });
  await db.queue.update({ where: { name: "Misc" }, data: { active: false } });
});

const queueFor = async (recipients: string[], hint?: string) =>
  (
    await findQueueForMessage({
      hint,
      recipients,
      queueAddresses: await loadQueueAddresses(),
    })
  ).name;

describe("findQueueForMessage", () => {
  it("takes the first recipient mapped to an active queue, in the mail's order and any case", async () => {
    expect(await queueFor(["VoIP@Desk.Example", "wlan@desk.example"])).toBe("VoIP");
    expect(await queueFor(["someone@example.org", "wlan@desk.example"])).toBe("WLAN");
    // Misc is inactive: its address is passed over for the next one.
    expect(await queueFor(["old@desk.example", "wlan@desk.example"])).toBe("WLAN");
  });

  it("prefers an active queue named by the hint, and falls back to Raw", async () => {
    expect(await queueFor(["wlan@desk.example"], "VoIP")).toBe("VoIP");
    expect(await queueFor(["wlan@desk.example"], "Misc")).toBe("WLAN");
    expect(await queueFor(["old@desk.example"])).toBe("Raw");
    expect(await queueFor([])).toBe("Raw");
  });
});
