import type { AuditActor } from "./record-audit";

/** The audit's actor for an agent acting through the admin pages ("web") or an admin API token ("api"). */
export function auditActorOf(
  agent: { id: number; name: string },
  via: AuditActor["via"],
): AuditActor {
  return { agentId: agent.id, name: agent.name, via };
}
