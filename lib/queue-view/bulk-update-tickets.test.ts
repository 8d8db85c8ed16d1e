import { beforeAll, describe, expect, it } from "vitest";
import { agentOfQueue, makeTicket, queueIds } from "../../tests/kit/queue-tickets";
import { scopeForAgent } from "../access/scope";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { bulkUpdateTickets } from "./bulk-update-tickets";

let queues: Record<string, number>;

beforeAll(async () => {
  await seedDatabase();
  queues = await queueIds();
  // Each queue in a group of its own, so access differs per queue.
  for (const name of ["Web", "WLAN", "VoIP"]) {
    await db.queue.update({
      where: { id: queues[name] },
      data: { group: { create: { name: `bulk-${name}` } } },
    });
  }
});

describe("bulk actions", () => {
  it("changes what the agent may write, refuses the rest, one history entry per ticket", async () => {
    const agent = await agentOfQueue(queues.Web, "rw", "Bulk");
    const wlan = await db.queue.findUniqueOrThrow({ where: { id: queues.WLAN } });
    await db.groupMember.create({
      data: { agentId: agent.id, groupId: wlan.groupId, permission: "ro" },
    });
    const scope = await scopeForAgent(agent);
    const writable = [
      await makeTicket(queues.Web),
      await makeTicket(queues.Web),
      await makeTicket(queues.Web),
    ];
    const readOnly = await makeTicket(queues.WLAN);
    const hidden = await makeTicket(queues.VoIP);
    const already = await makeTicket(queues.Web, { state: "closed_successful" });

    const result = await bulkUpdateTickets({
      scope,
      agentId: agent.id,
      input: {
        action: "state",
        state: "closed_successful",
        ticketIds: [...writable.map((t) => t.id), readOnly.id, hidden.id, already.id],
      },
    });
    expect(result.changed).toBe(3);
    expect(result.unchanged).toBe(1);
    expect(result.refused).toEqual([
      { ticketId: readOnly.id, reason: "noAccess" },
      { ticketId: hidden.id, reason: "noAccess" },
    ]);
    for (const t of writable) {
      const stored = await db.ticket.findUniqueOrThrow({
        where: { id: t.id },
        include: { history: true },
      });
      expect(stored.state).toBe("closed_successful");
      expect(stored.history.filter((h) => h.type === "state")).toHaveLength(1);
      expect(stored.history.find((h) => h.type === "state")?.actorAgentId).toBe(agent.id);
    }
    for (const t of [readOnly, hidden]) {
      const stored = await db.ticket.findUniqueOrThrow({
        where: { id: t.id },
        include: { history: true },
      });
      expect(stored.state).toBe("new");
      expect(stored.history.map((h) => h.type)).toEqual(["created"]);
    }
  });

  it("assigns only owners who may work in the ticket's queue, and warns about one away", async () => {
    const lead = await agentOfQueue(queues.Web, "rw", "Lead");
    const scope = await scopeForAgent(lead);
    const colleague = await agentOfQueue(queues.Web, "rw", "Colleague");
    const away = await agentOfQueue(queues.Web, "rw", "Holiday");
    const now = new Date();
    await db.agent.update({
      where: { id: away.id },
      data: {
        outOfOfficeFrom: new Date(now.getTime() - 86_400_000),
        outOfOfficeTo: new Date(now.getTime() + 7 * 86_400_000),
      },
    });
    const outsider = await agentOfQueue(queues.VoIP, "rw", "Outsider");
    const tickets = [await makeTicket(queues.Web), await makeTicket(queues.Web)];
    const ticketIds = tickets.map((t) => t.id);

    const refused = await bulkUpdateTickets({
      scope,
      agentId: lead.id,
      input: { action: "owner", ownerId: outsider.id, ticketIds },
    });
    expect(refused.changed).toBe(0);
    expect(refused.refused.map((r) => r.reason)).toEqual(["notAllowed", "notAllowed"]);

    const warned = await bulkUpdateTickets({
      scope,
      agentId: lead.id,
      input: { action: "owner", ownerId: away.id, ticketIds },
      now,
    });
    expect(warned.changed).toBe(2);
    expect(warned.awayOwner?.name).toBe("Holiday");
    // The suggestion is someone present with rw on the queue, never the absent one.
    const suggestion = warned.awayOwner?.suggestion;
    expect(suggestion?.id).toBeDefined();
    expect(suggestion?.id).not.toBe(away.id);
    const web = await db.queue.findUniqueOrThrow({ where: { id: queues.Web } });
    expect(
      await db.groupMember.count({
        where: { agentId: suggestion!.id, groupId: web.groupId, permission: "rw" },
      }),
    ).toBe(1);

    const taken = await bulkUpdateTickets({
      scope: await scopeForAgent(colleague),
      agentId: colleague.id,
      input: { action: "take_over", ticketIds },
    });
    expect(taken.changed).toBe(2);
    const stored = await db.ticket.findMany({ where: { id: { in: ticketIds } } });
    expect(stored.every((t) => t.ownerId === colleague.id && t.lockedById === colleague.id)).toBe(
      true,
    );
  });

  it("merges the selected tickets it may write into the oldest, refusing the rest", async () => {
    const agent = await agentOfQueue(queues.Web, "rw", "Merger");
    const scope = await scopeForAgent(agent);
    const oldest = await makeTicket(queues.Web);
    const second = await makeTicket(queues.Web);
    const third = await makeTicket(queues.Web);
    const hidden = await makeTicket(queues.VoIP);
    const result = await bulkUpdateTickets({
      scope,
      agentId: agent.id,
      input: { action: "merge", ticketIds: [third.id, hidden.id, oldest.id, second.id] },
    });
    expect(result).toMatchObject({
      changed: 2,
      unchanged: 1,
      refused: [{ ticketId: hidden.id, reason: "noAccess" }],
    });
    for (const t of [second, third]) {
      const stored = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
      expect(stored).toMatchObject({ state: "merged", mergedIntoId: oldest.id });
    }
    const target = await db.ticket.findUniqueOrThrow({
      where: { id: oldest.id },
      include: { articles: true },
    });
    expect(target.state).not.toBe("merged");
    expect(target.articles.filter((a) => a.copiedFromId !== null).length).toBeGreaterThan(0);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: hidden.id } })).state).toBe("new");
  });
});
