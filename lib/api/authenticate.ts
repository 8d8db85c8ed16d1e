import { findAgentByToken } from "../agents/api-tokens";
import { queueIdsFor } from "../agents/queue-access";
import { UserFacingError } from "../errors";

export interface ApiCaller {
  agent: { id: number; email: string; name: string; role: "admin" | "agent" };
  readOnly: boolean;
  readableQueueIds: () => Promise<number[] | null>;
  /** Queues the caller may change; throws 403 for a read-only token. */
  writableQueueIds: () => Promise<number[] | null>;
}

/** The caller behind `Authorization: Bearer <token>`; 401 otherwise. */
export async function authenticateApiRequest(req: Request): Promise<ApiCaller> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const found = match ? await findAgentByToken(match[1]) : null;
  if (!found) throw new UserFacingError("Missing or invalid API token", "unauthorized");
  const { agent, readOnly } = found;
  return {
    agent,
    readOnly,
    readableQueueIds: () => queueIdsFor(agent, "ro"),
    writableQueueIds: async () => {
      if (readOnly) throw new UserFacingError("This token is read-only", "forbidden");
      return queueIdsFor(agent, "rw");
    },
  };
}
