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
    expect([...(await loadOwnAddresses())].sort()).toEqual([
      "backup@uni.example",
      "help@uni.example",
      "monitor@uni.example",
      "wlan@uni.example",
    ]);
    expect(await isOwnAddress("HELP@uni.example")).toBe(true);
    expect(await isOwnAddress('"Desk, WLAN" <wlan@UNI.example>')).toBe(true);
    expect(await isOwnAddress("monitor@uni.example, backup@uni.example")).toBe(true);
    // A list that also names a customer is still sent (to all of them).
    expect(await isOwnAddress("help@uni.example, erika@example.org")).toBe(false);
    expect(await isOwnAddress("help@uni.example.org")).toBe(false);
    expect(await isOwnAddress("")).toBe(false);
  });
});
