import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiGroupUpdateSchema } from "@/lib/api/admin-people-schemas";
import { apiGetGroup, apiUpdateGroup, assertAdminCaller } from "@/lib/api/admin-people-api";
import { NotFoundError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const idOf = (value: string) => {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new NotFoundError("Group not found");
  return id;
};

export const GET = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  assertAdminCaller(caller, false);
  return Response.json(await apiGetGroup(idOf(params.id)));
});

/** Admins only: renames, sets the queues it grants and its members (each replaced as given). */
export const PATCH = adminApiRoute<{ id: string }>(async ({ caller, params, body }) => {
  assertAdminCaller(caller, true);
  const input = parseWith(apiGroupUpdateSchema, await body());
  return Response.json(await apiUpdateGroup(caller, idOf(params.id), input));
});
