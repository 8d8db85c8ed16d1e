import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { recordAudit, type AuditActor } from "../admin/record-audit";
import { db, transaction } from "../db";

const PREFIX = "hd_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token; the plain value is returned once and only its hash is kept. */
export async function createApiToken(input: {
  agentId: number;
  name: string;
  readOnly?: boolean;
  token?: string;
}) {
  const token = input.token ?? PREFIX + randomBytes(24).toString("base64url");
  const record = await db.apiToken.create({
    data: {
      agentId: input.agentId,
      name: input.name,
      readOnly: input.readOnly ?? false,
      tokenHash: hashToken(token),
      prefix: token.slice(0, 8),
    },
  });
  return { token, record };
}

/** An agent's live tokens (never their value), newest first. */
export async function listApiTokens(agentId: number) {
  return db.apiToken.findMany({
    where: { agentId, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      readOnly: true,
      createdAt: true,
      lastUsedAt: true,
    },
  });
}

/** Revokes one of the agent's own tokens; scoped by owner in the write itself. */
export async function revokeApiToken(input: { agentId: number; tokenId: number }) {
  const { count } = await db.apiToken.updateMany({
    where: { id: input.tokenId, agentId: input.agentId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

/**
 * An admin revokes any agent's token (the agent's page); audit "apiToken.revoke".
 * False when there was no such live token.
 */
export async function revokeApiTokenAsAdmin(options: { actor: AuditActor; tokenId: number }) {
  return transaction(async (tx) => {
    const token = await tx.apiToken.findUnique({
      where: { id: options.tokenId },
      include: { agent: { select: { email: true } } },
    });
    if (!token) return false;
    const { count } = await tx.apiToken.updateMany({
      where: { id: token.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) return false;
    await recordAudit(tx, {
      actor: options.actor,
      action: "apiToken.revoke",
      objectType: "apiToken",
      objectId: token.id,
      objectName: `${token.agent.email}: ${token.name} (${token.prefix}…)`,
      before: { revoked: false },
      after: { revoked: true },
    });
    return true;
  });
}

/** The active agent behind a bearer token, or null. */
export async function findAgentByToken(token: string) {
  const record = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { agent: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!record || record.revokedAt || !record.agent.active) return null;
  // Coarse last-use stamp: at most one write a minute per token.
  if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
  }
  return { agent: record.agent, readOnly: record.readOnly };
}
