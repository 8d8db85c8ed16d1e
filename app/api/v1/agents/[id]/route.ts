import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiAgentUpdateSchema } from "@/lib/api/admin-people-schemas";
import { apiGetAgent, apiUpdateAgent, assertAdminCaller } from "@/lib/api/admin-people-api";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const idOf = (value: string) => {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError("Agent not found");
  return id;
};

export const GET = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  assertAdminCaller(caller, false);
  return Response.json(await apiGetAgent(idOf(params.id)));
});

/** Admins only: changes fields, role, groups (replaced as given) or `active`. */
export const PATCH = adminApiRoute<{ id: string }>(async ({ caller, params, body }) => {
  assertAdminCaller(caller, true);
  const input = parseWith(apiAgentUpdateSchema, await body());
  return Response.json(await apiUpdateAgent(caller, idOf(params.id), input));
});

/** Admins only: deactivates the agent (never deletes: their tickets and history stay). */
export const DELETE = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  assertAdminCaller(caller, true);
  return Response.json(await apiUpdateAgent(caller, idOf(params.id), { active: false }));
});
