import "server-only";
import type { AuditActor } from "../admin/record-audit";
import { recordAudit } from "../admin/record-audit";
import { transaction } from "../db";
import { UserFacingError } from "../errors";
import { agentAuditView, replaceMemberships } from "./agent-audit";
import { hashPassword } from "./password";
import { issuePasswordLink, NO_PASSWORD } from "./password-links";
import type { MembershipInput } from "./schemas";

export interface ProvisionAgentInput {
  email: string;
  name: string;
  role: "admin" | "agent";
  locale: "en" | "de" | null;
  outOfOfficeFrom?: Date | null;
  outOfOfficeTo?: Date | null;
  memberships: MembershipInput[];
  /** Given: the agent signs in with it. Absent: they are invited by mail to choose one. */
  password?: string;
}

export const emailTaken = () =>
  new UserFacingError(
    "An agent with this address exists",
    "conflict",
    { email: ["taken"] },
    "emailTaken",
  );

/**
 * Creates an agent (admin pages and API alike) with role, language,
 * out-of-office and group memberships; without a password an invitation link
 * is mailed (lib/agents/password-links.ts). Audit "agent.create" or
 * "agent.invite" in the same transaction. Throws `emailTaken` (409).
 */
export async function provisionAgent(options: { actor: AuditActor; input: ProvisionAgentInput }) {
  const { actor, input } = options;
  const passwordHash = input.password ? await hashPassword(input.password) : NO_PASSWORD;
  return transaction(async (tx) => {
    const email = input.email.trim().toLowerCase();
    if (await tx.agent.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
    const created = await tx.agent.create({
      data: {
        email,
        name: input.name,
        role: input.role,
        locale: input.locale,
        outOfOfficeFrom: input.outOfOfficeFrom ?? null,
        outOfOfficeTo: input.outOfOfficeTo ?? null,
        passwordHash,
      },
    });
    await replaceMemberships(tx, created.id, input.memberships);
    if (!input.password) await issuePasswordLink(tx, { agent: created, kind: "invite" });
    const { view } = await agentAuditView(tx, created.id);
    await recordAudit(tx, {
      actor,
      action: input.password ? "agent.create" : "agent.invite",
      objectType: "agent",
      objectId: created.id,
      objectName: created.email,
      after: view,
    });
    return created;
  });
}
