import { afterEach, describe, expect, it } from "vitest";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { isOwnAddress, loadOwnAddresses } from "./own-addresses";

const saved = { MAIL_FROM: process.env.MAIL_FROM, SYSTEM_SENDERS: process.env.SYSTEM_SENDERS };
afterEach(() => Object.assign(process.env, saved));

describe("the desk's own addresses", () => {
  it("are MAIL_FROM, every queue address and SYSTEM_SENDERS, lower-cased", async () => {
    await seedDatabase();
    const misc = await db.queue.findUniqueOrThrow({ where: { name: "Misc" } });
    await db.queueAddress.create({ data: { address: "wlan@uni.example", queueId: misc.id } });
    process.env.MAIL_FROM = '"Help, Desk" <Help@Uni.Example>';
    process.env.SYSTEM_SENDERS = "Monitor@uni.example,  backup@uni.example";
    const own = await loadOwnAddresses();
    expect([...own].sort()).toEqual([
      "backup@uni.example",
      "help@uni.example",
      "monitor@uni.example",
      "wlan@uni.example",
    ]);
    expect(isOwnAddress("HELP@uni.example", own)).toBe(true);
    expect(isOwnAddress('"Desk, WLAN" <wlan@UNI.example>', own)).toBe(true);
    expect(isOwnAddress("monitor@uni.example, backup@uni.example", own)).toBe(true);
    // A list that also names a customer is still sent (to all of them).
    expect(isOwnAddress("help@uni.example, erika@example.org", own)).toBe(false);
    expect(isOwnAddress("help@uni.example.org", own)).toBe(false);
    expect(isOwnAddress("", own)).toBe(false);
  });
});
