import type { AuditActor } from "./record-audit";

/** The audit's actor for a signed-in admin (pages) or a token's owner (API). */
export const auditActor = (
  agent: { id: number; name: string },
  via: AuditActor["via"] = "web",
): AuditActor => ({ agentId: agent.id, name: agent.name, via });
