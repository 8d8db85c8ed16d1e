import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiAgentCreateSchema } from "@/lib/api/admin-people-schemas";
import { apiCreateAgent, apiListAgents, assertAdminCaller } from "@/lib/api/admin-people-api";

export const dynamic = "force-dynamic";

/** Admins only: every agent with role, activity and groups. */
export const GET = adminApiRoute(async ({ caller }) => {
  assertAdminCaller(caller, false);
  return Response.json(await apiListAgents());
});

/** Admins only: creates an agent (with `password`, or invited by mail without). */
export const POST = adminApiRoute(async ({ caller, body }) => {
  assertAdminCaller(caller, true);
  const input = parseWith(apiAgentCreateSchema, await body());
  return Response.json(await apiCreateAgent(caller, input), { status: 201 });
});
