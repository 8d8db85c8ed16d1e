// The provisioning API's rules for mail accounts (docs/api.md): admins only,
// writes need a token that is not read-only.
import "server-only";
import type { ApiCaller } from "../../api/authenticate";
import { UserFacingError } from "../../errors";

/** 403 unless the caller is an admin (and, for writes, holds a writing token). */
export function assertMailAccountAdmin(caller: ApiCaller, options: { write: boolean }) {
  if (caller.agent.role !== "admin")
    throw new UserFacingError("Only admins may manage mail accounts", "forbidden");
  if (options.write && caller.readOnly)
    throw new UserFacingError("This token is read-only", "forbidden");
}

/** The token's owner as the author of the change (audit). */
export const apiActor = (caller: ApiCaller) => ({
  agentId: caller.agent.id,
  name: caller.agent.name,
  via: "api" as const,
});

/** The numeric id of the URL, else 404. */
export function parseAccountId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new UserFacingError("Not found", "not_found");
  return id;
}
