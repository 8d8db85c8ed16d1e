// Tickets and agents for the queue view, dashboard and report tests.
import { systemScope } from "../../lib/access/system-scope";
import { SYSTEM } from "../../lib/actor";
import { createAgent } from "../../lib/agents/create-agent";
import { db } from "../../lib/db";
import { createTicket } from "../../lib/tickets/create-ticket";

let made = 0;

/** The seeded queues by name → id. */
export async function queueIds() {
  return Object.fromEntries((await db.queue.findMany()).map((q) => [q.name, q.id]));
}

/** A ticket in the queue; `set` overwrites stored fields (times, owner, priority …) afterwards. */
export async function makeTicket(
  queueId: number,
  set: Parameters<typeof db.ticket.update>[0]["data"] = {},
) {
  made += 1;
  const ticket = await createTicket({
    scope: systemScope,
    customer: { email: `queue-${made % 5}@example.org`, name: `Customer ${made % 5}` },
    title: `Queue ticket ${made}`,
    queueId,
    actor: SYSTEM,
    article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
  });
  return Object.keys(set).length
    ? db.ticket.update({ where: { id: ticket.id }, data: set })
    : db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
}

/** An agent in the group of `queueId` with that permission (several agents can share it). */
export async function agentOfQueue(
  queueId: number,
  permission: "ro" | "rw" = "rw",
  name = `Agent ${++made}`,
) {
  const queue = await db.queue.findUniqueOrThrow({ where: { id: queueId } });
  return createAgent({
    email: `${name.toLowerCase().replace(/\W+/g, "-")}-${made}@example.org`,
    name,
    password: "unused-password",
    groups: [{ groupId: queue.groupId, permission }],
  });
}
