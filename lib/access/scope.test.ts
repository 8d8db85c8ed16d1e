import { describe, expect, it } from "vitest";
import { createAgentWithAccess, scopeWithAccess } from "../../tests/kit/scopes";
import { SYSTEM } from "../actor";
import { db } from "../db";
import { countUnreadNotifications, listNotifications } from "../notifications/list-notifications";
import { seedDatabase } from "../setup/seed";
import { addArticle } from "../tickets/add-article";
import { createTicket } from "../tickets/create-ticket";
import { getDashboard } from "../reports/get-dashboard";
import { listQueueTickets } from "../queue-view/list-queue-tickets";
import { queueViewSchema } from "../queue-view/schemas";
import { findArticleWithAttachments, findTicketByNumber } from "../tickets/find-ticket";
import { getTicketHistory } from "../tickets/get-ticket-history";
import { listTickets } from "../tickets/list-tickets";
import { updateTicket } from "../tickets/update-ticket";
import { ALL_QUEUES, canRead, canWrite, scopeForAgent } from "./scope";
import { systemScope } from "./system-scope";

const queueId = async (name: string) => (await db.queue.findUniqueOrThrow({ where: { name } })).id;

async function ticketIn(queue: string) {
  return createTicket({
    scope: systemScope,
    customer: { email: "erin@example.org" },
    title: `In ${queue}`,
    queueId: await queueId(queue),
    actor: SYSTEM,
    article: { channel: "web", direction: "in", visibleToCustomer: true, text: "Hello" },
  });
}

const note = {
  channel: "note",
  direction: "internal",
  visibleToCustomer: false,
  text: "n",
} as const;

describe("scopeForAgent", () => {
  it("keeps read and write queues apart (ro vs rw membership)", async () => {
    await seedDatabase();
    const scope = await scopeWithAccess({ WLAN: "rw", VoIP: "ro" });
    const [wlan, voip, web] = [await queueId("WLAN"), await queueId("VoIP"), await queueId("Web")];
    expect(scope.readQueueIds).toEqual([wlan, voip].sort((a, b) => a - b));
    expect(scope.writeQueueIds).toEqual([wlan]);
    expect([canRead(scope, voip), canWrite(scope, voip)]).toEqual([true, false]);
    expect([canRead(scope, web), canWrite(scope, web)]).toEqual([false, false]);
  });

  it("gives admins every queue, a read-only token no write, and no group nothing", async () => {
    await seedDatabase();
    const admin = await createAgentWithAccess({}, { role: "admin" });
    expect(await scopeForAgent(admin)).toMatchObject({
      readQueueIds: ALL_QUEUES,
      writeQueueIds: ALL_QUEUES,
    });
    expect(await scopeForAgent(admin, { readOnly: true })).toMatchObject({
      readQueueIds: ALL_QUEUES,
      writeQueueIds: [],
    });
    expect(await scopeWithAccess({ WLAN: "rw" }, { readOnly: true })).toMatchObject({
      writeQueueIds: [],
    });
    expect(await scopeWithAccess({})).toMatchObject({ readQueueIds: [], writeQueueIds: [] });
  });
});

describe("domain reads and writes fail closed", () => {
  it("an agent without access sees nothing and changes nothing", async () => {
    await seedDatabase();
    const ticket = await ticketIn("Web");
    const { article } = await addArticle({
      scope: systemScope,
      ticketId: ticket.id,
      actor: SYSTEM,
      article: note,
    });
    const outsider = await scopeWithAccess({ WLAN: "rw" });

    expect(await findTicketByNumber({ scope: outsider, number: ticket.number })).toBeNull();
    expect((await listTickets({ scope: outsider })).tickets).toEqual([]);
    expect((await listTickets({ scope: outsider, queueId: ticket.queueId })).tickets).toEqual([]);
    const dashboard = await getDashboard({ scope: outsider, agentId: 0, now: new Date() });
    expect(dashboard.fresh.count + dashboard.queues.filter((q) => q.openCount).length).toBe(0);
    const view = queueViewSchema.parse({ state: "all" });
    const viewed = { scope: outsider, view, agentId: 0, now: new Date() };
    expect((await listQueueTickets(viewed)).tickets).toEqual([]);
    expect((await listQueueTickets({ ...viewed, queueId: ticket.queueId })).tickets).toEqual([]);
    expect(await getTicketHistory({ scope: outsider, ticketId: ticket.id })).toEqual([]);
    await expect(findArticleWithAttachments({ scope: outsider, id: article.id })).rejects.toThrow(
      /not found/i,
    );
    await expect(
      updateTicket({
        scope: outsider,
        ticketId: ticket.id,
        actor: SYSTEM,
        changes: { priority: 5 },
      }),
    ).rejects.toThrow(/not found/i);
    await expect(
      addArticle({ scope: outsider, ticketId: ticket.id, actor: SYSTEM, article: note }),
    ).rejects.toThrow(/not found/i);
    await expect(
      createTicket({
        scope: outsider,
        customer: { email: "erin@example.org" },
        title: "Not mine",
        queueId: ticket.queueId,
        actor: SYSTEM,
        article: note,
      }),
    ).rejects.toThrow(/unknown queue/i);
    const stored = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(stored.priority).toBe(3);
    expect(await db.article.count({ where: { ticketId: ticket.id } })).toBe(2);
  });

  it("read-only access reads but does not write, and moves only into writable queues", async () => {
    await seedDatabase();
    const ticket = await ticketIn("Web");
    const reader = await scopeWithAccess({ Web: "ro", WLAN: "rw" });
    expect(await findTicketByNumber({ scope: reader, number: ticket.number })).not.toBeNull();
    expect((await getTicketHistory({ scope: reader, ticketId: ticket.id })).length).toBe(1);
    await expect(
      updateTicket({ scope: reader, ticketId: ticket.id, actor: SYSTEM, changes: { priority: 5 } }),
    ).rejects.toThrow(/not found/i);

    const writer = await scopeWithAccess({ VoIP: "rw", Misc: "ro" });
    const voip = await ticketIn("VoIP");
    await expect(
      updateTicket({
        scope: writer,
        ticketId: voip.id,
        actor: SYSTEM,
        changes: { queueId: await queueId("Misc") },
      }),
    ).rejects.toThrow(/unknown queue/i);
    const moved = await db.ticket.findUniqueOrThrow({ where: { id: voip.id } });
    expect(moved.queueId).toBe(await queueId("VoIP"));
  });

  it("notifications about tickets the agent can no longer read are left out", async () => {
    await seedDatabase();
    const visible = await ticketIn("WLAN");
    const hidden = await ticketIn("Web");
    const agent = await createAgentWithAccess({ WLAN: "rw" });
    await db.notification.createMany({
      data: [
        { agentId: agent.id, ticketId: visible.id, type: "new_ticket", message: "visible" },
        { agentId: agent.id, ticketId: hidden.id, type: "new_ticket", message: "hidden" },
        { agentId: agent.id, ticketId: null, type: "system", message: "no ticket" },
      ],
    });
    const scope = await scopeForAgent(agent);
    const listed = await listNotifications({ scope, agentId: agent.id });
    expect(listed.map((n) => n.message).sort()).toEqual(["no ticket", "visible"]);
    expect(await countUnreadNotifications({ scope, agentId: agent.id })).toBe(2);

    // An admin reads every queue: nothing is left out.
    const admin = await createAgentWithAccess({}, { role: "admin" });
    await db.notification.createMany({
      data: [visible, hidden].map((t) => ({
        agentId: admin.id,
        ticketId: t.id,
        type: "new_ticket",
        message: t.title,
      })),
    });
    const adminScope = await scopeForAgent(admin);
    expect(await getTicketHistory({ scope: adminScope, ticketId: hidden.id })).toHaveLength(1);
    const [first] = await db.article.findMany({ where: { ticketId: hidden.id } });
    expect((await findArticleWithAttachments({ scope: adminScope, id: first.id })).id).toBe(
      first.id,
    );
    expect(await listNotifications({ scope: adminScope, agentId: admin.id })).toHaveLength(2);
    expect(await countUnreadNotifications({ scope: adminScope, agentId: admin.id })).toBe(2);
  });
});
