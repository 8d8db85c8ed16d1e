import { db } from "../db";
import { perIpLimit, UNKNOWN_CLIENT } from "../http/client-ip";
import { countRateLimit, hitRateLimit } from "../rate-limit/hit";
import { getDummyHash, verifyPassword } from "./password";

const WINDOW_SECONDS = 15 * 60;
/** Two grids of windows, the second shifted by half: failures close together always share a window. */
const GRIDS = [0, WINDOW_SECONDS / 2];
/** Failed sign-ins per account from one source (address, or one trusted device). */
const FAILURES_PER_ACCOUNT_AND_SOURCE = 10;
/** Failed sign-ins per client address over all accounts (password spraying). */
const FAILURES_PER_IP = 50;

export type SignInResult =
  | {
      ok: true;
      agent: {
        id: number;
        email: string;
        name: string;
        role: "admin" | "agent";
        sessionVersion: number;
      };
    }
  | { ok: false; reason: "invalid" }
  /** `retryAfterSeconds`: until every window that is over its limit has ended (HTTP Retry-After). */
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

type Bucket = { scope: string; identity: string; limit: number };

/** Whole seconds from `now` to the end of its window on the grid shifted by `offset` (at least 1). */
function secondsToWindowEnd(now: Date, offset: number): number {
  const seconds = now.getTime() / 1000 - offset;
  const end = (Math.floor(seconds / WINDOW_SECONDS) + 1) * WINDOW_SECONDS;
  return Math.max(1, Math.ceil(end - seconds));
}

/**
 * Checks an agent's e-mail and password (same work whether or not the account
 * exists). Only failures count, per account AND source, in 15-minute windows
 * (on two grids shifted by 7.5 minutes, so a burst across a window boundary
 * still meets the limit):
 * - from a device that signed in to this account before (`trustedDeviceId`,
 *   see trusted-device.ts): only that device's own failures;
 * - otherwise: failures for this account from this client address, and all
 *   failures from this address (spraying over many accounts).
 * So nobody can lock an account out: a third party only uses up its own
 * budget. Over a limit the answer is `rate_limited` (the caller answers 429),
 * without checking the password and without sleeping.
 */
export async function authenticateAgent(options: {
  email: string;
  password: string;
  ip?: string;
  trustedDeviceId?: string | null;
  now?: Date;
}): Promise<SignInResult> {
  const { password, now = new Date() } = options;
  const ip = options.ip ?? UNKNOWN_CLIENT;
  const address = options.email.trim().toLowerCase();
  const buckets: Bucket[] = options.trustedDeviceId
    ? [
        {
          scope: "agent-login:device",
          identity: `${address}|${options.trustedDeviceId}`,
          limit: FAILURES_PER_ACCOUNT_AND_SOURCE,
        },
      ]
    : [
        {
          scope: "agent-login:address-ip",
          identity: `${address}|${ip}`,
          limit: perIpLimit(ip, FAILURES_PER_ACCOUNT_AND_SOURCE),
        },
        { scope: "agent-login:ip", identity: ip, limit: perIpLimit(ip, FAILURES_PER_IP) },
      ];
  let retryAfterSeconds = 0;
  for (const bucket of buckets) {
    for (const offset of GRIDS) {
      const failures = await countRateLimit(
        db,
        bucket.scope,
        bucket.identity,
        WINDOW_SECONDS,
        now,
        offset,
      );
      if (failures >= bucket.limit)
        retryAfterSeconds = Math.max(retryAfterSeconds, secondsToWindowEnd(now, offset));
    }
  }
  if (retryAfterSeconds > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds };
  const agent = await db.agent.findUnique({ where: { email: address } });
  const ok = await verifyPassword(password, agent?.passwordHash ?? (await getDummyHash()));
  if (!agent || !ok || !agent.active) {
    for (const bucket of buckets) {
      for (const offset of GRIDS) {
        await hitRateLimit(db, bucket.scope, bucket.identity, WINDOW_SECONDS, now, offset);
      }
    }
    return { ok: false, reason: "invalid" };
  }
  return {
    ok: true,
    agent: {
      id: agent.id,
      email: agent.email,
      name: agent.name,
      role: agent.role,
      sessionVersion: agent.sessionVersion,
    },
  };
}

export async function findAgentById(id: number) {
  return db.agent.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      sessionVersion: true,
    },
  });
}

/**
 * The agent behind a session: active, and signed in at the agent's current
 * `sessionVersion` (a password reset, role change or deactivation raises it,
 * which ends older sessions). Null otherwise.
 */
export async function findSessionAgent(session: { agentId: number; sessionVersion: unknown }) {
  const agent = await findAgentById(session.agentId);
  if (!agent?.active || agent.sessionVersion !== session.sessionVersion) return null;
  return agent;
}
