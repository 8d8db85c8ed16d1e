import "server-only";
import type { AuditAction } from "../admin/audit-actions";
import { recordAudit, type AuditActor } from "../admin/record-audit";
import { transaction } from "../db";
import { NotFoundError } from "../errors";
import { agentAuditView, replaceMemberships } from "./agent-audit";
import { assertAnAdminRemains, lockAdminRoles } from "./ensure-admin-remains";
import { emailTaken } from "./provision-agent";
import { issuePasswordLink, NO_PASSWORD } from "./password-links";
import type { MembershipInput } from "./schemas";

export interface AgentChanges {
  email?: string;
  name?: string;
  role?: "admin" | "agent";
  locale?: "en" | "de" | null;
  outOfOfficeFrom?: Date | null;
  outOfOfficeTo?: Date | null;
  memberships?: MembershipInput[];
  active?: boolean;
}

function auditAction(changed: string[]): AuditAction {
  if (changed.length === 1 && changed[0] === "active") return "agent.deactivate";
  if (changed.length === 1 && changed[0] === "memberships") return "agent.membership.update";
  return "agent.update";
}

/**
 * Changes an agent (fields given in `changes` only). Inside one transaction:
 * the admin-role lock, the change, the check that an active admin remains
 * (`lastAdmin`, 409: rolled back), the audit entry with old → new. A role
 * change or deactivation raises `sessionVersion`, which ends the agent's
 * sessions at their next request (their API tokens stop with deactivation
 * only: findAgentByToken checks `active`). Their tickets stay as they are.
 * Throws `notFound`, `emailTaken`, `lastAdmin`.
 */
export async function updateAgent(options: {
  actor: AuditActor;
  agentId: number;
  changes: AgentChanges;
}) {
  const { actor, agentId, changes } = options;
  return transaction(async (tx) => {
    await lockAdminRoles(tx);
    const found = await tx.agent.findUnique({ where: { id: agentId }, select: { id: true } });
    if (!found) throw new NotFoundError("Agent not found");
    const before = await agentAuditView(tx, agentId);
    const email = changes.email?.trim().toLowerCase();
    if (email && email !== before.agent.email) {
      const other = await tx.agent.findUnique({ where: { email }, select: { id: true } });
      if (other) throw emailTaken();
    }
    const endsSessions =
      (changes.role !== undefined && changes.role !== before.agent.role) ||
      (changes.active === false && before.agent.active);
    await tx.agent.update({
      where: { id: agentId },
      data: {
        email,
        name: changes.name,
        role: changes.role,
        locale: changes.locale,
        outOfOfficeFrom: changes.outOfOfficeFrom,
        outOfOfficeTo: changes.outOfOfficeTo,
        active: changes.active,
        ...(endsSessions ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (changes.memberships) await replaceMemberships(tx, agentId, changes.memberships);
    await assertAnAdminRemains(tx);
    const after = await agentAuditView(tx, agentId);
    const changed = Object.keys(before.view).filter(
      (k) =>
        JSON.stringify(before.view[k as keyof typeof before.view]) !==
        JSON.stringify(after.view[k as keyof typeof after.view]),
    );
    const action =
      changes.active === true && !before.agent.active ? "agent.activate" : auditAction(changed);
    await recordAudit(tx, {
      actor,
      action,
      objectType: "agent",
      objectId: agentId,
      objectName: after.agent.email,
      before: before.view,
      after: after.view,
    });
    return after.agent;
  });
}

/**
 * Sends the agent a password-reset link; their password stops working and
 * their sessions end at once (sessionVersion + 1). The password is never
 * shown. Audit "agent.passwordReset". Throws `notFound`.
 */
export async function resetAgentPassword(options: { actor: AuditActor; agentId: number }) {
  return transaction(async (tx) => {
    const agent = await tx.agent.findUnique({ where: { id: options.agentId } });
    if (!agent) throw new NotFoundError("Agent not found");
    await tx.agent.update({
      where: { id: agent.id },
      data: { passwordHash: NO_PASSWORD, sessionVersion: { increment: 1 } },
    });
    await issuePasswordLink(tx, { agent, kind: "reset" });
    await recordAudit(tx, {
      actor: options.actor,
      action: "agent.passwordReset",
      objectType: "agent",
      objectId: agent.id,
      objectName: agent.email,
      before: { passwordHash: "x" },
      after: { passwordHash: "y" },
    });
  });
}
