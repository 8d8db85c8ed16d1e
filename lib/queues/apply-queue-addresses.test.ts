import { describe, expect, it } from "vitest";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { applyQueueAddresses, parseQueueAddresses } from "./apply-queue-addresses";

describe("QUEUE_ADDRESSES", () => {
  it("parses address=Queue lists and rejects malformed entries", () => {
    expect(parseQueueAddresses(" Support@Uni.example=Misc,\nwlan@uni.example = WLAN ")).toEqual([
      { address: "support@uni.example", queue: "Misc" },
      { address: "wlan@uni.example", queue: "WLAN" },
    ]);
    expect(parseQueueAddresses("")).toEqual([]);
    expect(() => parseQueueAddresses("nonsense")).toThrow(/address=Queue/);
  });

  it("routes addresses to queues, first one primary, only while no address exists", async () => {
    await seedDatabase();
    await applyQueueAddresses(
      parseQueueAddresses("help@uni.example=Misc, misc2@uni.example=Misc, wlan@uni.example=WLAN"),
    );
    await applyQueueAddresses(
      parseQueueAddresses("help@uni.example=Misc, misc2@uni.example=Misc, wlan@uni.example=WLAN"),
    );
    const rows = await db.queueAddress.findMany({
      include: { queue: true },
      orderBy: { address: "asc" },
    });
    expect(rows.map((r) => [r.address, r.queue.name, r.isPrimary])).toEqual([
      ["help@uni.example", "Misc", true],
      ["misc2@uni.example", "Misc", false],
      ["wlan@uni.example", "WLAN", true],
    ]);
    // Once addresses exist (an admin may have edited them), a restart applies nothing.
    await db.queueAddress.update({
      where: { address: "wlan@uni.example" },
      data: { queueId: (await db.queue.findUniqueOrThrow({ where: { name: "VoIP" } })).id },
    });
    await db.queueAddress.delete({ where: { address: "misc2@uni.example" } });
    expect(
      await applyQueueAddresses(
        parseQueueAddresses("help@uni.example=Misc, misc2@uni.example=Misc, wlan@uni.example=WLAN"),
      ),
    ).toBe(false);
    await seedDatabase();
    const after = await db.queueAddress.findMany({
      include: { queue: true },
      orderBy: { address: "asc" },
    });
    expect(after.map((r) => [r.address, r.queue.name])).toEqual([
      ["help@uni.example", "Misc"],
      ["wlan@uni.example", "VoIP"],
    ]);
    await db.queueAddress.deleteMany();
    await expect(applyQueueAddresses([{ address: "x@y.example", queue: "Nope" }])).rejects.toThrow(
      /no queue named/,
    );
  });
});
