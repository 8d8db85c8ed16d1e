import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { changeSettings, resetSettings } from "@/tests/kit/settings";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { forgetCachedSettings, getSettings } from "./get-settings";
import { settingsUpdateSchema } from "./schemas";

const root = path.resolve(import.meta.dirname, "../..");
const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  await resetSettings();
});

describe("settings", () => {
  it("take their first value from the environment; afterwards the database wins", async () => {
    await resetSettings();
    process.env.AUTO_MAIL_DAILY_CAP = "4";
    process.env.PORTAL_ATTACHMENT_EXTENSIONS = "pdf,txt";
    await seedDatabase();
    forgetCachedSettings();
    expect(await getSettings()).toMatchObject({
      autoMailDailyCap: 4,
      attachmentExtensions: ["pdf", "txt"],
    });
    expect((await db.setting.findUniqueOrThrow({ where: { key: "autoMailDailyCap" } })).value).toBe(
      4,
    );

    // A restart with other environment values changes nothing stored.
    process.env.AUTO_MAIL_DAILY_CAP = "9";
    await seedDatabase();
    forgetCachedSettings();
    expect((await getSettings()).autoMailDailyCap).toBe(4);

    await changeSettings({ autoMailDailyCap: 6 });
    expect((await getSettings()).autoMailDailyCap).toBe(6);
  });

  it("audit each changed key old → new in the change's transaction, unchanged ones not at all", async () => {
    await seedDatabase();
    const before = await db.auditEntry.count({ where: { action: "setting.update" } });
    const changed = await changeSettings({
      lockTimeoutMinutes: 45,
      autoMailDailyCap: (await getSettings()).autoMailDailyCap,
    });
    expect(changed).toEqual(["lockTimeoutMinutes"]);
    const entries = await db.auditEntry.findMany({
      where: { action: "setting.update" },
      orderBy: { id: "asc" },
    });
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      objectId: "lockTimeoutMinutes",
      changes: { value: { old: 60, new: 45 } },
    });
  });

  it("are validated per key, with agentErrors keys as messages", () => {
    const parsed = settingsUpdateSchema.safeParse({
      timeZone: "Mars/Olympus",
      attachmentExtensions: "pdf, exe",
      portalLinksPerIpHour: "0",
      inboundRawRetentionDays: "",
      defaultLocale: "de",
    });
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["timeZone", "unknownTimeZone"],
      ["attachmentExtensions", "unknownExtension"],
      ["portalLinksPerIpHour", "invalid"],
    ]);
    expect(
      settingsUpdateSchema.parse({
        inboundRawRetentionDays: "",
        attachmentExtensions: ".PDF, txt pdf",
      }),
    ).toEqual({
      inboundRawRetentionDays: 0,
      attachmentExtensions: ["pdf", "txt"],
    });
  });

  it("changed through one process are in force in another running process", async () => {
    await seedDatabase();
    await changeSettings({ attachmentMaxMegabytes: 1 });
    const child = spawn(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=react-server", "tests/kit/watch-settings-process.ts"],
      { cwd: root, env: { ...process.env, EXPECT_MAX_BYTES: String(2 * 1024 * 1024) } },
    );
    const seen: number[] = [];
    let firstRead: () => void;
    const ready = new Promise<void>((resolve) => (firstRead = resolve));
    child.stdout.on("data", (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n").filter(Boolean))
        seen.push(JSON.parse(line).maxBytes);
      firstRead();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    await ready; // the other process runs with the old value
    expect(seen[0]).toBe(1024 * 1024);
    await changeSettings({ attachmentMaxMegabytes: 2 });
    expect(await exited).toBe(0);
    expect(seen.at(-1)).toBe(2 * 1024 * 1024);
  }, 60_000);
});
