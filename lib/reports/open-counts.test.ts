// The open counts per queue and state equal counting the tickets after every kind of
// ticket write: create, change of state and queue, merge, bulk update, delete, and a
// rolled-back transaction. On SQLite this tests the ticket_counts triggers; on
// PostgreSQL the count from the index.
import { beforeAll, describe, expect, it } from "vitest";
import { makeTicket, queueIds } from "../../tests/kit/queue-tickets";
import { testProvider } from "../../tests/kit/databases";
import { systemScope } from "../access/system-scope";
import { SYSTEM } from "../actor";
import { db, transaction } from "../db";
import { seedDatabase } from "../setup/seed";
import { mergeTickets } from "../tickets/merge-tickets";
import { OPEN_STATES } from "../tickets/states";
import { updateTicket, type TicketChanges } from "../tickets/update-ticket";
import { openCountsByQueue } from "./open-counts";

let queues: Record<string, number>;
let all: number[];

beforeAll(async () => {
  await seedDatabase();
  queues = await queueIds();
  all = Object.values(queues);
});

/** The counts as sorted rows, from openCountsByQueue and from counting the tickets. */
async function bothCounts(queueIds = all) {
  const counted = await db.ticket.groupBy({
    by: ["queueId", "state"],
    where: { queueId: { in: queueIds }, state: { in: [...OPEN_STATES] } },
    _count: { _all: true },
  });
  const key = (r: { queueId: number; state: string }) => `${r.queueId}:${r.state}`;
  const sorted = <T extends { queueId: number; state: string }>(rows: T[]) =>
    [...rows].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    read: sorted(await openCountsByQueue(queueIds)),
    counted: sorted(
      counted.map((r) => ({ queueId: r.queueId, state: r.state, count: r._count._all })),
    ),
  };
}

/** Changes a ticket through the agent's path (updateTicket), then checks the counts. */
async function change(ticket: { id: number }, changes: TicketChanges) {
  await updateTicket({ scope: systemScope, ticketId: ticket.id, actor: SYSTEM, changes });
  await expectExact();
}

async function expectExact(queueIds = all) {
  const { read, counted } = await bothCounts(queueIds);
  expect(read).toEqual(counted);
}

describe(`open counts on ${testProvider()}`, () => {
  it("equal counting the tickets after every kind of ticket write", async () => {
    const [a, b, c, d] = [
      await makeTicket(queues.Web),
      await makeTicket(queues.Web, { state: "open" }),
      await makeTicket(queues.Misc, { state: "pending_reminder", pendingUntil: new Date() }),
      await makeTicket(queues.WLAN),
    ];
    await expectExact();
    const { read } = await bothCounts([queues.Web]);
    expect(read.find((r) => r.state === "new")?.count).toBeGreaterThanOrEqual(1);

    // State and queue in one change, through the agent's path.
    await change(a, { state: "open", queueId: queues.Misc });
    // Closed tickets leave the open counts; reopened ones come back.
    await change(b, { state: "closed_successful" });
    await change(b, { state: "open" });
    // A change of something else leaves the counts alone.
    await db.ticket.update({ where: { id: c.id }, data: { title: "Only the title" } });
    await expectExact();
    // Merge closes the source as "merged".
    await mergeTickets({
      sourceId: d.id,
      targetNumber: a.number,
      scope: systemScope,
      actor: SYSTEM,
    });
    await expectExact();
    // Many tickets across queues in one statement.
    await db.ticket.updateMany({
      where: { id: { in: [a.id, b.id, c.id] } },
      data: { state: "new", queueId: queues.WLAN },
    });
    await expectExact();
    // Undone writes count nothing.
    await expect(
      transaction(async (tx) => {
        await tx.ticket.updateMany({ where: { queueId: queues.WLAN }, data: { state: "open" } });
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    await expectExact();
    // A deleted ticket.
    await db.ticket.delete({ where: { id: c.id } });
    expect(await db.ticket.findUnique({ where: { id: c.id } })).toBeNull();
    await expectExact();
    // One queue alone, and no queue at all.
    await expectExact([queues.WLAN]);
    expect(await openCountsByQueue([])).toEqual([]);
  });
});
