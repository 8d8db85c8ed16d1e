import "server-only";
import { scopeForAgent, type Scope } from "../access/scope";
import { findAgentByToken } from "../agents/api-tokens";
import { UserFacingError } from "../errors";

export interface ApiCaller {
  agent: { id: number; email: string; name: string; role: "admin" | "agent" };
  readOnly: boolean;
  /** The token owner's scope; a read-only token writes no queue. */
  scope: Scope;
}

/** The caller behind `Authorization: Bearer <token>`; 401 otherwise. */
export async function authenticateApiRequest(req: Request): Promise<ApiCaller> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const found = match ? await findAgentByToken(match[1]) : null;
  if (!found) throw new UserFacingError("Missing or invalid API token", "unauthorized");
  const { agent, readOnly } = found;
  return { agent, readOnly, scope: await scopeForAgent(agent, { readOnly }) };
}

/** For API writes: 403 for a read-only token (its scope would answer "not found" instead). */
export function assertCanWrite(caller: ApiCaller) {
  if (caller.readOnly) throw new UserFacingError("This token is read-only", "forbidden");
}
