import { describe, expect, it } from "vitest";
import { db } from "../db";
import { publicQueueName } from "../queues/public-queue-name";
import { seedDatabase } from "../setup/seed";
import { listTopics } from "./list-topics";

describe("topics in the customer's language", () => {
  it("offers the seeded public queues by their German and English names", async () => {
    await seedDatabase();
    const german = await listTopics("de");
    expect(german.map((t) => t.name)).toEqual([
      "Allgemeine Fragen",
      "Funknetz (WLAN)",
      "Telefonie (VoIP)",
      "Webseiten und Webdienste",
    ]);
    const english = await listTopics("en");
    expect(english.map((t) => t.name)).toEqual([
      "General questions",
      "Telephone (VoIP)",
      "Web sites and web services",
      "Wireless network (WLAN)",
    ]);
    // The same queues in both languages; the internal fallback queue is never offered.
    expect(new Set(german.map((t) => t.id))).toEqual(new Set(english.map((t) => t.id)));
    const raw = await db.queue.findUniqueOrThrow({ where: { name: "Raw" } });
    expect(german.map((t) => t.id)).not.toContain(raw.id);
  });

  it("gives default queues seeded before public names existed their names at the next start", async () => {
    await seedDatabase();
    await db.queue.updateMany({ data: { publicNameEn: null, publicNameDe: null } });
    await db.queue.update({ where: { name: "Web" }, data: { publicNameDe: "Internet" } });
    await seedDatabase();
    const german = await listTopics("de");
    expect(german.map((t) => t.name)).toEqual([
      "Allgemeine Fragen",
      "Funknetz (WLAN)",
      "Internet", // an admin's name stays
      "Telefonie (VoIP)",
    ]);
  });

  it("falls back to the English public name, then the queue's own name", () => {
    const queue = { name: "Printing", publicNameEn: "Printers", publicNameDe: null };
    expect(publicQueueName(queue, "de")).toBe("Printers");
    expect(publicQueueName({ ...queue, publicNameDe: "Drucker" }, "de")).toBe("Drucker");
    expect(publicQueueName({ ...queue, publicNameEn: " " }, "en")).toBe("Printing");
    expect(
      publicQueueName({ name: "Printing", publicNameEn: null, publicNameDe: null }, "de"),
    ).toBe("Printing");
  });

  it("names a queue without public names by its own name", async () => {
    await seedDatabase();
    const group = await db.group.findFirstOrThrow();
    await db.queue.create({ data: { name: "Printing", isPublic: true, groupId: group.id } });
    expect((await listTopics("de")).map((t) => t.name)).toContain("Printing");
  });
});
