// Unlinking tickets and the links as each ticket shows them (issue 15).
import { beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/access/system-scope";
import { SYSTEM } from "@/lib/actor";
import { db, transaction } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { scopeWithAccess } from "@/tests/kit/scopes";
import { createTicket } from "./create-ticket";
import { linkTickets } from "./link-tickets";
import { listTicketLinks } from "./list-ticket-links";
import { unlinkTickets } from "./unlink-tickets";

beforeAll(async () => {
  await seedDatabase();
});

const ticketIn = async (queue: string) =>
  createTicket({
    scope: systemScope,
    customer: { email: "unlink@example.org" },
    title: `Unlink ${queue}`,
    queueId: (await db.queue.findUniqueOrThrow({ where: { name: queue } })).id,
    actor: SYSTEM,
    article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
  });

describe("links shown on both tickets, and unlinking", () => {
  it("shows each link from both sides and removes it with history on both", async () => {
    const [parent, child, related] = [
      await ticketIn("Web"),
      await ticketIn("Web"),
      await ticketIn("Web"),
    ];
    await transaction(async (tx) => {
      await linkTickets(tx, {
        type: "parent_child",
        sourceId: parent.id,
        targetId: child.id,
        actor: SYSTEM,
        scope: systemScope,
      });
      await linkTickets(tx, {
        type: "normal",
        sourceId: related.id,
        targetId: parent.id,
        actor: SYSTEM,
        scope: systemScope,
      });
    });
    const roles = async (id: number) =>
      (await listTicketLinks({ ticketId: id, scope: systemScope })).map((l) => [
        l.role,
        l.other.number,
      ]);
    expect(await roles(parent.id)).toEqual([
      ["child", child.number],
      ["normal", related.number],
    ]);
    expect(await roles(child.id)).toEqual([["parent", parent.number]]);
    expect(await roles(related.id)).toEqual([["normal", parent.number]]);

    const [link] = await listTicketLinks({ ticketId: child.id, scope: systemScope });
    const versions = async () =>
      (
        await db.ticket.findMany({
          where: { id: { in: [parent.id, child.id] } },
          orderBy: { id: "asc" },
        })
      ).map((t) => t.version);
    const before = await versions();
    await transaction((tx) =>
      unlinkTickets(tx, { linkId: link.id, actor: SYSTEM, scope: systemScope }),
    );
    expect(await roles(child.id)).toEqual([]);
    expect(await roles(parent.id)).toEqual([["normal", related.number]]);
    expect(await versions()).toEqual(before.map((v) => v + 1));
    const history = await db.historyEntry.findMany({
      where: { type: "unlink", ticketId: { in: [parent.id, child.id] } },
      orderBy: { ticketId: "asc" },
    });
    expect(history.map((h) => h.oldValue)).toEqual([
      `child ${child.number}`,
      `parent ${parent.number}`,
    ]);
    await expect(
      transaction((tx) =>
        unlinkTickets(tx, { linkId: link.id, actor: SYSTEM, scope: systemScope }),
      ),
    ).rejects.toMatchObject({ key: "notFound" });
  });

  it("hides links to tickets the agent cannot read and refuses to unlink them", async () => {
    const [web, wlan] = [await ticketIn("Web"), await ticketIn("WLAN")];
    await transaction((tx) =>
      linkTickets(tx, {
        type: "normal",
        sourceId: web.id,
        targetId: wlan.id,
        actor: SYSTEM,
        scope: systemScope,
      }),
    );
    const webOnly = await scopeWithAccess({ Web: "rw" });
    expect(await listTicketLinks({ ticketId: web.id, scope: webOnly })).toEqual([]);
    const [link] = await listTicketLinks({ ticketId: web.id, scope: systemScope });
    await expect(
      transaction((tx) => unlinkTickets(tx, { linkId: link.id, actor: SYSTEM, scope: webOnly })),
    ).rejects.toMatchObject({ key: "notFound" });
    expect(await db.ticketLink.count({ where: { id: link.id } })).toBe(1);
  });
});
