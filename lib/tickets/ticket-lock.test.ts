// Ticket locks (issue 15): taken, refused to colleagues, ended by inactivity of the holder
// (the clock is injected), and what a reply does to lock and owner.
import { beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/access/system-scope";
import { SYSTEM } from "@/lib/actor";
import { createAgent } from "@/lib/agents/create-agent";
import { db, transaction } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { createTicket } from "./create-ticket";
import {
  findActiveLock,
  lockTicket,
  lockTimeoutMinutes,
  takeLockForReply,
  unlockTicket,
} from "./ticket-lock";

let tom: number;
let uma: number;
let queueId: number;
const T0 = new Date("2026-11-30T08:00:00Z");
const minutes = (m: number) => new Date(T0.getTime() + m * 60_000);

beforeAll(async () => {
  await seedDatabase();
  queueId = (await db.queue.findFirstOrThrow()).id;
  const agent = (name: string) =>
    createAgent({
      email: `${name.toLowerCase()}@desk.example`,
      name,
      password: "unused-password",
      role: "admin",
    });
  tom = (await agent("Tom")).id;
  uma = (await agent("Uma")).id;
});

const newTicket = () =>
  createTicket({
    scope: systemScope,
    customer: { email: "lock@example.org" },
    title: "Locked?",
    queueId,
    actor: SYSTEM,
    now: T0,
    article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
  });
const lock = (ticketId: number, agentId: number, now: Date) =>
  lockTicket({ ticketId, agentId, scope: systemScope, now });

describe("ticket locks", () => {
  it("keeps a colleague out until the holder unlocks", async () => {
    const ticket = await newTicket();
    await lock(ticket.id, tom, minutes(1));
    expect(await findActiveLock(db, { ticketId: ticket.id, now: minutes(2) })).toMatchObject({
      agentId: tom,
      name: "Tom",
      since: minutes(1),
    });
    await expect(lock(ticket.id, uma, minutes(2))).rejects.toMatchObject({ key: "lockedByOther" });
    await expect(
      unlockTicket({ ticketId: ticket.id, agentId: uma, scope: systemScope, now: minutes(2) }),
    ).rejects.toMatchObject({ key: "lockedByOther" });
    await unlockTicket({ ticketId: ticket.id, agentId: tom, scope: systemScope, now: minutes(3) });
    expect(await findActiveLock(db, { ticketId: ticket.id, now: minutes(3) })).toBeNull();
    await lock(ticket.id, uma, minutes(4));
    const history = await db.historyEntry.findMany({
      where: { ticketId: ticket.id, type: "lock" },
      orderBy: { id: "asc" },
    });
    expect(history.map((h) => [h.oldValue, h.newValue])).toEqual([
      [null, String(tom)],
      [String(tom), null],
      [null, String(uma)],
    ]);
  });

  it("ends after the timeout without activity by its holder; the holder's activity keeps it", async () => {
    const timeout = await lockTimeoutMinutes();
    const ticket = await newTicket();
    await lock(ticket.id, tom, minutes(0));
    expect(
      await findActiveLock(db, { ticketId: ticket.id, now: minutes(timeout - 1) }),
    ).not.toBeNull();
    expect(await findActiveLock(db, { ticketId: ticket.id, now: minutes(timeout) })).toBeNull();
    // Tom does something on the ticket at timeout-1: the lock lasts from then.
    await db.historyEntry.create({
      data: {
        ticketId: ticket.id,
        type: "priority",
        actorAgentId: tom,
        createdAt: minutes(timeout - 1),
      },
    });
    expect(
      await findActiveLock(db, { ticketId: ticket.id, now: minutes(timeout + 5) }),
    ).not.toBeNull();
    // A colleague's activity does not count.
    await db.historyEntry.create({
      data: {
        ticketId: ticket.id,
        type: "priority",
        actorAgentId: uma,
        createdAt: minutes(2 * timeout),
      },
    });
    const later = minutes(2 * timeout);
    expect(await findActiveLock(db, { ticketId: ticket.id, now: later })).toBeNull();
    await lock(ticket.id, uma, later); // a timed-out lock is taken over
    expect(await findActiveLock(db, { ticketId: ticket.id, now: later })).toMatchObject({
      agentId: uma,
    });
  });

  it("replying takes the lock and, without an owner, the ownership; a colleague's lock stays", async () => {
    const ticket = await newTicket();
    const reply = (agentId: number, now: Date) =>
      transaction((tx) => takeLockForReply(tx, { ticketId: ticket.id, agentId, now }));
    expect(await reply(uma, minutes(1))).toEqual({ lockedBy: null, tookOwnership: true });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      ownerId: uma,
      lockedById: uma,
    });
    // Tom replies while Uma holds it: told who holds it, nothing changes.
    const byTom = await reply(tom, minutes(2));
    expect(byTom.lockedBy).toMatchObject({ agentId: uma, name: "Uma" });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      ownerId: uma,
      lockedById: uma,
    });
    // Replying again under one's own lock writes nothing new.
    const before = await db.historyEntry.count({ where: { ticketId: ticket.id } });
    await reply(uma, minutes(3));
    expect(await db.historyEntry.count({ where: { ticketId: ticket.id } })).toBe(before);
    // After Uma's lock timed out, Tom's reply takes the lock but not the ownership.
    const late = minutes(3 + (await lockTimeoutMinutes()) + 1);
    expect(await reply(tom, late)).toEqual({ lockedBy: null, tookOwnership: false });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      ownerId: uma,
      lockedById: tom,
    });
  });
});
