import { db } from "../db";
import { perIpLimit, UNKNOWN_CLIENT } from "../http/client-ip";
import { isWithinRateLimit } from "../rate-limit/hit";
import { getDummyHash, verifyPassword } from "./password";

const WINDOW_SECONDS = 15 * 60;
const ATTEMPTS_PER_ADDRESS = 10;
const ATTEMPTS_PER_IP = 50;

/**
 * The active agent with this e-mail and password, or null (same work either
 * way). Attempts are limited per address and per client address (15 minutes),
 * against guessing and against tying up the CPU with scrypt.
 */
export async function authenticateAgent(
  email: string,
  password: string,
  ip: string = UNKNOWN_CLIENT,
) {
  const address = email.trim().toLowerCase();
  const allowed =
    (await isWithinRateLimit(
      db,
      "agent-login:address",
      address,
      ATTEMPTS_PER_ADDRESS,
      WINDOW_SECONDS,
    )) &&
    (await isWithinRateLimit(
      db,
      "agent-login:ip",
      ip,
      perIpLimit(ip, ATTEMPTS_PER_IP),
      WINDOW_SECONDS,
    ));
  if (!allowed) return null;
  const agent = await db.agent.findUnique({ where: { email: address } });
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
