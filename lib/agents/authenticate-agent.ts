import { db } from "../db";
import { getDummyHash, verifyPassword } from "./password";

/** The active agent with this e-mail and password, or null (same work either way). */
export async function authenticateAgent(email: string, password: string) {
  const agent = await db.agent.findUnique({ where: { email: email.trim().toLowerCase() } });
  const ok = await verifyPassword(password, agent?.passwordHash ?? (await getDummyHash()));
  if (!agent || !ok || !agent.active) return null;
  return { id: agent.id, email: agent.email, name: agent.name, role: agent.role };
}

export async function findAgentById(id: number) {
  return db.agent.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true, locale: true },
  });
}
