import { systemScope } from "@/lib/access/system-scope";
// eslint-disable-next-line no-restricted-imports -- a test builds a one-queue scope directly
import { makeScope, type Scope } from "@/lib/access/make-scope";

/** An agent who may write the Web queue only. */
const webScope = (webQueueId: number) =>
  makeScope({ agentId: 1, readQueueIds: [webQueueId], writeQueueIds: [webQueueId] });
import { beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "../actor";
import { db, transaction } from "../db";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "./create-ticket";
import { linkTickets, type LinkTicketsInput } from "./link-tickets";

let queues: Record<string, number>;

beforeAll(async () => {
  await seedDatabase();
  queues = Object.fromEntries((await db.queue.findMany()).map((q) => [q.name, q.id]));
});

const ticketIn = (queue: string) =>
  createTicket({
    scope: systemScope,
    customer: { email: "links@example.org" },
    title: `Link ${queue}`,
    queueId: queues[queue],
    actor: SYSTEM,
    article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
  });
const link = (input: Omit<LinkTicketsInput, "actor" | "scope"> & { scope?: Scope }) =>
  transaction((tx) => linkTickets(tx, { scope: systemScope, ...input, actor: SYSTEM }));

describe("linkTickets", () => {
  it("links parent and child once, with a history entry on each side", async () => {
    const [parent, child] = [await ticketIn("Web"), await ticketIn("Web")];
    expect(await link({ type: "parent_child", sourceId: parent.id, targetId: child.id })).toBe(
      true,
    );
    expect(await link({ type: "parent_child", sourceId: parent.id, targetId: child.id })).toBe(
      false,
    );
    expect(await db.ticketLink.count({ where: { sourceId: parent.id } })).toBe(1);
    const history = await db.historyEntry.findMany({
      where: { ticketId: { in: [parent.id, child.id] }, type: "link" },
      orderBy: { ticketId: "asc" },
    });
    expect(history.map((h) => h.newValue)).toEqual([
      `child ${child.number}`,
      `parent ${parent.number}`,
    ]);
  });

  it("stores a normal link once whichever ticket comes first", async () => {
    const [a, b] = [await ticketIn("Web"), await ticketIn("Web")];
    expect(await link({ type: "normal", sourceId: b.id, targetId: a.id })).toBe(true);
    expect(await link({ type: "normal", sourceId: a.id, targetId: b.id })).toBe(false);
    expect(
      await db.ticketLink.findMany({ where: { type: "normal", targetId: { in: [a.id, b.id] } } }),
    ).toHaveLength(1);
  });

  it("refuses a self-link and tickets outside the caller's queues, writing nothing", async () => {
    const [web, wlan] = [await ticketIn("Web"), await ticketIn("WLAN")];
    await expect(link({ type: "normal", sourceId: web.id, targetId: web.id })).rejects.toThrow(
      "itself",
    );
    await expect(
      link({ type: "normal", sourceId: web.id, targetId: wlan.id, scope: webScope(queues.Web) }),
    ).rejects.toThrow("Ticket not found");
    await expect(link({ type: "normal", sourceId: web.id, targetId: 999_999 })).rejects.toThrow(
      "Ticket not found",
    );
    expect(await db.ticketLink.count({ where: { sourceId: { in: [web.id, wlan.id] } } })).toBe(0);
  });

  it("deletes links with their ticket", async () => {
    const [a, b] = [await ticketIn("Web"), await ticketIn("Web")];
    await link({ type: "parent_child", sourceId: a.id, targetId: b.id });
    await db.ticket.delete({ where: { id: b.id } });
    expect(await db.ticketLink.count({ where: { sourceId: a.id } })).toBe(0);
  });
});
