import { beforeAll, describe, expect, it } from "vitest";
import { agentOfQueue, makeTicket, queueIds } from "../../tests/kit/queue-tickets";
import { scopeForAgent, type Scope } from "../access/scope";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { updateTicket } from "../tickets/update-ticket";
import { SYSTEM } from "../actor";
import { systemScope } from "../access/system-scope";
import { listQueueTickets } from "./list-queue-tickets";
import { moveTicket, POSITION_GAP } from "./move-ticket";
import { queueViewSchema } from "./schemas";

let queues: Record<string, number>;
let anna: Scope;
let ben: Scope;
let agents: {
  anna: { id: number; role: "agent" | "admin" };
  ben: { id: number; role: "agent" | "admin" };
};

beforeAll(async () => {
  await seedDatabase();
  queues = await queueIds();
  agents = {
    anna: await agentOfQueue(queues.Web, "rw", "Anna"),
    ben: await agentOfQueue(queues.Web, "rw", "Ben"),
  };
});

/** The queue's manual order as every agent sees it (all pages). */
async function manualOrder(queueId: number) {
  const { tickets } = await listQueueTickets({
    scope: systemScope,
    queueId,
    view: queueViewSchema.parse({ sort: "manual" }),
    agentId: 0,
    now: new Date(),
    limit: 200,
  });
  return tickets.map((t) => t.id);
}

/** The model: `ids` with `moving` put before/after `target`. */
function moved(ids: number[], moving: number, target: number, place: "before" | "after") {
  const rest = ids.filter((id) => id !== moving);
  const at = rest.indexOf(target) + (place === "after" ? 1 : 0);
  return [...rest.slice(0, at), moving, ...rest.slice(at)];
}

async function freshQueue(name: string, count: number) {
  const group = await db.group.findFirstOrThrow({
    where: { queues: { some: { id: queues.Web } } },
  });
  const queue = await db.queue.create({ data: { name, groupId: group.id } });
  const tickets = [];
  for (let i = 0; i < count; i++) {
    // Distinct ages, so "by age" is the creation order.
    tickets.push(await makeTicket(queue.id, { createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)) }));
  }
  // Scopes are read per request: build them now that the queue exists.
  anna = await scopeForAgent(agents.anna);
  ben = await scopeForAgent(agents.ben);
  return { queueId: queue.id, ids: tickets.map((t) => t.id) };
}

describe("manual order", () => {
  it("puts a ticket before another; unordered tickets follow by age; one move writes one row", async () => {
    const { queueId, ids } = await freshQueue("Order basics", 5);
    expect(await manualOrder(queueId)).toEqual(ids);
    const [t1, t2, t3, t4, t5] = ids;

    await moveTicket({ scope: anna, ticketId: t3, targetId: t1, place: "before" });
    // Keys went to the unordered tickets up to the target; t4, t5 stay unordered, by age.
    expect(await manualOrder(queueId)).toEqual([t3, t1, t2, t4, t5]);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t5 } })).position).toBeNull();

    const before = await db.ticket.findMany({ where: { queueId }, orderBy: { id: "asc" } });
    await moveTicket({ scope: ben, ticketId: t2, targetId: t3, place: "before" });
    const after = await db.ticket.findMany({ where: { queueId }, orderBy: { id: "asc" } });
    const changed = after.filter((t, i) => t.position !== before[i].position).map((t) => t.id);
    expect(changed).toEqual([t2]);
    expect(await manualOrder(queueId)).toEqual([t2, t3, t1, t4, t5]);
  });

  it("renumbers the queue when a gap is used up, keeping the order", async () => {
    const { queueId, ids } = await freshQueue("Order gaps", 4);
    let model = [...ids];
    // Every move lands between the first ticket and the one after it: the gap halves each time.
    const renumbered: boolean[] = [];
    for (let i = 0; i < 14; i++) {
      const moving = model[model.length - 1];
      const result = await moveTicket({
        scope: anna,
        ticketId: moving,
        targetId: model[0],
        place: "after",
      });
      renumbered.push(result.renumbered);
      model = moved(model, moving, model[0], "after");
      expect(await manualOrder(queueId)).toEqual(model);
    }
    expect(renumbered.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    const positions = (await db.ticket.findMany({ where: { queueId } })).map((t) => t.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(POSITION_GAP).toBeGreaterThan(2);
  });

  it("keeps one order under two agents' interleaved and simultaneous moves", async () => {
    const { queueId, ids } = await freshQueue("Order together", 8);
    let model = [...ids];
    // Interleaved: Anna and Ben take turns; each sees the other's move.
    const turns: [Scope, number, number, "before" | "after"][] = [
      [anna, ids[7], ids[0], "before"],
      [ben, ids[1], ids[7], "before"],
      [anna, ids[3], ids[6], "after"],
      [ben, ids[6], ids[1], "after"],
      [anna, ids[0], ids[4], "after"],
      [ben, ids[4], ids[7], "before"],
    ];
    for (const [scope, ticketId, targetId, place] of turns) {
      await moveTicket({ scope, ticketId, targetId, place });
      model = moved(model, ticketId, targetId, place);
      expect(await manualOrder(queueId)).toEqual(model);
    }
    // Simultaneous: both agents move at once, many times, into the same narrow spot.
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        moveTicket({
          scope: i % 2 ? anna : ben,
          ticketId: model[(i % 6) + 2],
          targetId: model[0],
          place: "after",
        }),
      ),
    );
    const rows = await db.ticket.findMany({ where: { queueId } });
    const positions = rows.map((t) => t.position);
    expect(positions.every((p) => p !== null)).toBe(true);
    expect(new Set(positions).size).toBe(rows.length); // no two tickets share a key
    const order = await manualOrder(queueId);
    expect([...order].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(order[0]).toBe(model[0]);
  });

  it("needs write access, and a ticket moved to another queue loses its position", async () => {
    const { queueId, ids } = await freshQueue("Order rights", 3);
    const reader = await scopeForAgent(await agentOfQueue(queues.Web, "ro", "Reader"));
    const elsewhere = await db.queue.create({
      data: { name: "Elsewhere", group: { create: { name: "elsewhere" } } },
    });
    const other = await scopeForAgent(await agentOfQueue(elsewhere.id, "rw", "Other"));
    for (const scope of [reader, other]) {
      await expect(
        moveTicket({ scope, ticketId: ids[2], targetId: ids[0], place: "before" }),
      ).rejects.toMatchObject({ code: "not_found" });
    }
    await moveTicket({ scope: anna, ticketId: ids[2], targetId: ids[0], place: "before" });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ids[2] } })).position).not.toBeNull();
    await updateTicket({
      ticketId: ids[2],
      changes: { queueId: queues.Misc },
      actor: SYSTEM,
      scope: systemScope,
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ids[2] } })).position).toBeNull();
    expect(await manualOrder(queueId)).toEqual([ids[0], ids[1]]);
  });
});
