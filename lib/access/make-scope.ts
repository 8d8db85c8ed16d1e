import "server-only";

/** Every queue: admins and the all-queues scopes. Anything else is an explicit list. */
export const ALL_QUEUES = "all";
export type QueueIds = readonly number[] | typeof ALL_QUEUES;

declare const scopeBrand: unique symbol;

/**
 * What a caller may see and change: the queues whose tickets it may read and,
 * separately, write (group membership "ro" gives read, "rw" both; admins have
 * every queue). Built by scopeForAgent (signed-in agent or API token) and by the
 * named all-queues scopes (system-scope.ts, intake-scope.ts); every domain read
 * and write of tickets takes one as a required argument. An empty list means
 * nothing: a scope fails closed.
 */
export interface Scope {
  readonly readQueueIds: QueueIds;
  readonly writeQueueIds: QueueIds;
  /** The agent acting (null for the system), for logs. */
  readonly agentId: number | null;
  readonly [scopeBrand]: true;
}

/**
 * Assembles a scope. Only lib/access calls this (an ESLint rule keeps it there):
 * elsewhere a scope comes from scopeForAgent or a named all-queues scope.
 */
export function makeScope(fields: {
  readQueueIds: QueueIds;
  writeQueueIds: QueueIds;
  agentId: number | null;
}): Scope {
  return Object.freeze({ ...fields }) as Scope;
}
