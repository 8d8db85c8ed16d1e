import { canWrite, scopeForAgent } from "../access/scope";
import { db } from "../db";
import { UserFacingError } from "../errors";

export interface FindAssignableAgentOptions {
  /** The candidate's address (as an API caller or a form names them). */
  email: string;
  /** The queue the ticket will be in after the change (a queue change counts). */
  queueId: number;
  /** Which field is being set: the error is reported on it. */
  role: "owner" | "responsible";
}

/**
 * The agent who may become a ticket's owner or responsible agent: active and
 * able to write the ticket's queue (rw group membership, or admin) — OTRS's
 * rule that only agents with rw on the queue can be owner/responsible.
 * Throws a validation UserFacingError on `role` (key tickets.unknownAgent)
 * for an unknown, inactive or read-only agent alike.
 */
export async function findAssignableAgent(options: FindAssignableAgentOptions) {
  const agent = await db.agent.findUnique({
    where: { email: options.email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  const isAssignable = agent?.active && canWrite(await scopeForAgent(agent), options.queueId);
  if (!agent || !isAssignable) {
    throw new UserFacingError(
      "Unknown agent",
      "validation",
      {
        [options.role]: ["unknown agent, or no write access to the queue"],
      },
      "unknownAgent",
    );
  }
  return agent;
}
