// Every history entry type is named in both languages in the ticket zoom (never the raw
// code), and reads as a sentence with its values resolved (names, words, the reader's times).
import { describe, expect, it } from "vitest";
import { scopeForAgent } from "../access/scope";
import { agentActor } from "../actor";
import { createAgent } from "../agents/create-agent";
import { db } from "../db";
import { catalogueFormatter, catalogueTranslator } from "../i18n/catalogue-translator";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "./create-ticket";
import { describeHistory, type HistoryEntryData } from "./describe-history";
import { findHistoryNames } from "./find-history-names";
import { getTicketHistory } from "./get-ticket-history";
import { HISTORY_TYPES, type HistoryType } from "./history-types";
import { updateTicket } from "./update-ticket";

const ZONE = "Europe/Berlin";

/** One stored entry of each type, its values as the writers store them (history-types.ts). */
const SAMPLES: Record<HistoryType, [string | null, string | null]> = {
  created: [null, "Misc; email"],
  state: ["new", "open"],
  priority: ["3", "5"],
  queue: ["1", "2"],
  owner: ["", "7"],
  responsible: ["7", ""],
  title: ["Printer", "Printer on floor 2"],
  lock: ["", "7"],
  pending_time: [null, "2026-12-01T08:00:00.000Z"],
  article: [null, "phone/out"],
  mail_sent: [null, "agent-reply to zoe@example.org"],
  link: [null, "follow_up_of 2026113010000017"],
  unlink: ["child 2026113010000017", null],
  merge: [null, "into 2026113010000017"],
  split: [null, "to 2026113010000017"],
  auto_close: [null, "2026-12-01T08:00:00.000Z"],
  reminder: [null, "2026-12-01T08:00:00.000Z"],
  escalation: [null, "2026-12-01T08:00:00.000Z"],
  mail_suppressed: [null, "auto-response to desk@example.org: the desk's own address"],
  article_redecoded: [null, "inbound #4 → article #9"],
};
const NAMES = { queues: { "1": "Misc", "2": "WLAN" }, agents: { "7": "Tom Becker" } };

describe("history entry types", () => {
  it.each(["en", "de"] as const)("each has its own words in %s", (locale) => {
    const t = catalogueTranslator(locale, "UTC");
    for (const type of Object.keys(HISTORY_TYPES))
      expect(t("zoom.historyType", { type }), type).not.toBe(type);
  });

  it.each(["en", "de"] as const)("each reads as a sentence without codes in %s", (locale) => {
    const t = catalogueTranslator(locale, ZONE);
    const entries: HistoryEntryData[] = Object.entries(SAMPLES).map(([type, [o, n]], i) => ({
      id: i + 1,
      type,
      createdAt: new Date(Date.UTC(2026, 10, 30, 8, i)),
      actor: "",
      actorAgent: { name: "Tom Becker" },
      oldValue: o,
      newValue: n,
    }));
    const lines = describeHistory({ entries, names: NAMES, locale, timeZone: ZONE });
    expect(lines).toHaveLength(entries.length);
    for (const [i, line] of lines.entries()) {
      const type = entries[i].type;
      const fallback = t("zoom.log.other", {
        actor: "Tom Becker",
        type: t("zoom.historyType", { type }),
      });
      expect(line.text, type).not.toBe(fallback);
      expect(line.text, type).not.toMatch(
        /\d{4}-\d\d-\d\dT|_|agent-reply|auto-response|phone\/out|; email|inbound #/,
      );
      // Queue and agent ids are names now.
      if (["queue", "owner", "responsible", "lock"].includes(type))
        expect(line.text, type).not.toMatch(/\d/);
    }
    const text = lines.map((l) => l.text).join("\n");
    expect(text).toContain("Tom Becker");
    expect(text).toContain("Misc");
    expect(text).toContain("WLAN");
    expect(text).toContain(t("zoom.priorities.5"));
    expect(text).toContain(
      catalogueFormatter(locale, ZONE).dateTime(new Date(SAMPLES.reminder[1]!), "short"),
    );
  });

  it("names what real changes did, in the reader's words (pending state with its time as one)", async () => {
    await seedDatabase();
    const queues = await db.queue.findMany({ where: { name: { in: ["Misc", "WLAN"] } } });
    const misc = queues.find((q) => q.name === "Misc")!;
    const wlan = queues.find((q) => q.name === "WLAN")!;
    const tom = await createAgent({
      email: "tom@example.org",
      name: "Tom Becker",
      password: "unused-password",
      role: "admin",
    });
    const scope = await scopeForAgent(tom);
    const ticket = await createTicket({
      scope,
      customer: { email: "zoe@example.org", name: "Zoe Zoom" },
      title: "Beamer flickers",
      queueId: misc.id,
      actor: agentActor(tom.id),
      article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "It flickers." },
    });
    const until = new Date("2026-12-01T08:00:00Z");
    await updateTicket({
      scope,
      ticketId: ticket.id,
      actor: agentActor(tom.id),
      changes: { state: "pending_reminder", pendingUntil: until },
    });
    await updateTicket({
      scope,
      ticketId: ticket.id,
      actor: agentActor(tom.id),
      changes: { queueId: wlan.id, ownerId: tom.id },
    });
    const entries = await getTicketHistory({ scope, ticketId: ticket.id });
    const names = await findHistoryNames({ entries });
    const at = (locale: "en" | "de") => catalogueFormatter(locale, ZONE).dateTime(until, "short");

    const en = describeHistory({ entries, names, locale: "en", timeZone: ZONE }).map((l) => l.text);
    expect(en).toContain(`Tom Becker set the state from new to pending reminder until ${at("en")}`);
    expect(en).toContain("Tom Becker moved the ticket from queue Misc to WLAN");
    expect(en).toContain("Tom Becker changed the owner from nobody to Tom Becker");
    expect(en.some((l) => l.includes("pending time"))).toBe(false); // folded into the state
    expect(en[0]).toBe("Tom Becker created the ticket in queue Misc (Phone)");

    const de = describeHistory({ entries, names, locale: "de", timeZone: ZONE }).map((l) => l.text);
    expect(de).toContain(
      `Tom Becker hat den Status von neu auf warten zur Erinnerung bis ${at("de")} gesetzt`,
    );
    expect(de).toContain(
      "Tom Becker hat das Ticket von der Queue Misc in die Queue WLAN verschoben",
    );
  });
});
