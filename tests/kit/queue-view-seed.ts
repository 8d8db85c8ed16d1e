// Child process for the queue view browser tests: arranges a queue, agents and tickets
// in DATABASE_URL with lib functions (as an admin would through the desk) and prints
// what it made as JSON. Input: SEED (JSON, see SeedInput).
import { systemScope } from "../../lib/access/system-scope";
import { SYSTEM } from "../../lib/actor";
import { createAgent } from "../../lib/agents/create-agent";
import { db } from "../../lib/db";
import { createTicket } from "../../lib/tickets/create-ticket";

interface SeedInput {
  queue: string;
  tickets: number;
  /** Agents with rw on the queue's group (the seeded "users" group). */
  agents?: { email: string; name: string; password: string }[];
  /** Owner of every ticket (an agent above). */
  ownedBy?: string;
}

async function main() {
  const input: SeedInput = JSON.parse(process.env.SEED ?? "{}");
  const group = await db.group.findUniqueOrThrow({ where: { name: "users" } });
  const queue = await db.queue.create({ data: { name: input.queue, groupId: group.id } });
  const agents: Record<string, number> = {};
  for (const agent of input.agents ?? []) {
    const made = await createAgent({ ...agent, groups: [{ groupId: group.id, permission: "rw" }] });
    agents[agent.email] = made.id;
  }
  const tickets = [];
  for (let i = 0; i < input.tickets; i++) {
    const ticket = await createTicket({
      scope: systemScope,
      customer: { email: `seed-${i % 4}@example.org`, name: `Seed customer ${i % 4}` },
      title: `${input.queue} ${String(i + 1).padStart(2, "0")}`,
      queueId: queue.id,
      actor: SYSTEM,
      article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
    });
    // Ties on purpose: ten tickets share each creation time; priorities repeat.
    await db.ticket.update({
      where: { id: ticket.id },
      data: {
        createdAt: new Date(Date.UTC(2026, 0, 1 + Math.floor(i / 10), 8)),
        priority: (i % 5) + 1,
        ownerId: input.ownedBy ? agents[input.ownedBy] : null,
      },
    });
    tickets.push({ id: ticket.id, number: ticket.number, title: ticket.title });
  }
  process.stdout.write(JSON.stringify({ queueId: queue.id, agents, tickets }));
  await db.$disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
