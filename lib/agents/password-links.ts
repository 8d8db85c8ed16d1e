// Set-password links for agents: an invitation (new agent) or a reset. The
// token is random, only its sha256 is stored (AgentPasswordToken), it works
// once and expires; the mail goes through the job queue marked secret, so the
// link is scrubbed from the job once sent and never lands in an article or log.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { config } from "../config";
import { db, transaction, type Tx } from "../db";
import { UserFacingError } from "../errors";
import { localeOr } from "../i18n/locales";
import { enqueueMail } from "../mail/outbound/enqueue-mail";
import { hashPassword } from "./password";

export const PASSWORD_LINK_KINDS = ["invite", "reset"] as const;
export type PasswordLinkKind = (typeof PASSWORD_LINK_KINDS)[number];

/** How long a link works: an invitation 7 days, a reset 24 hours (milliseconds). */
export const PASSWORD_LINK_LIFETIME: Record<PasswordLinkKind, number> = {
  invite: 7 * 24 * 3600_000,
  reset: 24 * 3600_000,
};

/** A password hash no password matches (verifyPassword needs the "scrypt$" form). */
export const NO_PASSWORD = "!unset";

const hashLinkToken = (token: string) =>
  createHash("sha256").update(`agent-password:${token}`).digest("hex");

export const passwordLinkUrl = (token: string) => `${config.appUrl}/set-password/${token}`;

/**
 * Stores a new link for the agent (earlier unused links of the agent stop
 * working) and queues its mail, inside the caller's transaction. Returns the
 * plain token for tests; callers never show or log it.
 */
export async function issuePasswordLink(
  tx: Tx,
  options: {
    agent: { id: number; email: string; locale: string | null };
    kind: PasswordLinkKind;
    now?: Date;
  },
): Promise<string> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + PASSWORD_LINK_LIFETIME[options.kind]);
  await tx.agentPasswordToken.updateMany({
    where: { agentId: options.agent.id, usedAt: null },
    data: { usedAt: now },
  });
  await tx.agentPasswordToken.create({
    data: {
      agentId: options.agent.id,
      kind: options.kind,
      tokenHash: hashLinkToken(token),
      expiresAt,
    },
  });
  await enqueueMail(tx, {
    kind: "agent-password-link",
    to: options.agent.email,
    locale: localeOr(options.agent.locale, undefined),
    data: { link: passwordLinkUrl(token), expires: expiresAt.toISOString(), purpose: options.kind },
    secret: true,
  });
  return token;
}

/** Whether a link is still usable (for the set-password page): its kind and agent, or null. */
export async function findPasswordLink(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const link = await db.agentPasswordToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { agent: { select: { email: true, active: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || !link.agent.active) return null;
  return { kind: link.kind as PasswordLinkKind, email: link.agent.email };
}

const invalidLink = () =>
  new UserFacingError("The link is invalid or has expired", "not_found", undefined, "linkInvalid");

/**
 * Sets the agent's password through a link: single use (marked used in the
 * same conditional write that checks it), not expired, active agent only. Ends
 * the agent's other sessions (sessionVersion + 1). Throws `linkInvalid`.
 */
export async function setPasswordWithLink(options: {
  token: string;
  password: string;
  now?: Date;
}): Promise<{ email: string }> {
  const now = options.now ?? new Date();
  if (!/^[A-Za-z0-9_-]{43}$/.test(options.token)) throw invalidLink();
  const passwordHash = await hashPassword(options.password);
  return transaction(async (tx) => {
    const link = await tx.agentPasswordToken.findUnique({
      where: { tokenHash: hashLinkToken(options.token) },
      include: { agent: true },
    });
    if (!link || !link.agent.active) throw invalidLink();
    const { count } = await tx.agentPasswordToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (count !== 1) throw invalidLink();
    await tx.agent.update({
      where: { id: link.agentId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    return { email: link.agent.email };
  });
}
