import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiGroupCreateSchema } from "@/lib/api/admin-people-schemas";
import { apiCreateGroup, apiListGroups, assertAdminCaller } from "@/lib/api/admin-people-api";

export const dynamic = "force-dynamic";

/** Admins only: every group with its queues and members. */
export const GET = adminApiRoute(async ({ caller }) => {
  assertAdminCaller(caller, false);
  return Response.json(await apiListGroups());
});

export const POST = adminApiRoute(async ({ caller, body }) => {
  assertAdminCaller(caller, true);
  const { name } = parseWith(apiGroupCreateSchema, await body());
  return Response.json(await apiCreateGroup(caller, name), { status: 201 });
});
