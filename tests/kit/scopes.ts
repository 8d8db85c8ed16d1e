// Agents with chosen queue access, for tests of permission scoping.
import { scopeForAgent } from "../../lib/access/scope";
import { createAgent } from "../../lib/agents/create-agent";
import { db } from "../../lib/db";

let made = 0;

/**
 * A new agent whose access is exactly `queues` (queue name → "ro" | "rw"):
 * each named queue is moved into a group of its own with that membership.
 * Returns the agent; `role: "admin"` makes an admin (every queue).
 */
export async function createAgentWithAccess(
  queues: Record<string, "ro" | "rw">,
  options: { role?: "admin" | "agent"; email?: string } = {},
) {
  made += 1;
  const groups = [];
  for (const [name, permission] of Object.entries(queues)) {
    const group = await db.group.create({ data: { name: `scope-${made}-${name}` } });
    await db.queue.update({ where: { name }, data: { groupId: group.id } });
    groups.push({ groupId: group.id, permission });
  }
  return createAgent({
    email: options.email ?? `scoped-${made}@example.org`,
    name: `Scoped agent ${made}`,
    password: "unused-password",
    role: options.role ?? "agent",
    groups,
  });
}

/** The scope of a new agent with exactly this access (see createAgentWithAccess). */
export async function scopeWithAccess(
  queues: Record<string, "ro" | "rw">,
  options: { readOnly?: boolean } = {},
) {
  return scopeForAgent(await createAgentWithAccess(queues), options);
}
