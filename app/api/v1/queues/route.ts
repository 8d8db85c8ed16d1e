import { apiCreateQueue, apiListQueues } from "@/lib/api/admin-desk-api";
import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiCreateQueueSchema } from "@/lib/queues/schemas";

export const dynamic = "force-dynamic";

export const GET = adminApiRoute(async ({ caller }) => Response.json(await apiListQueues(caller)));

export const POST = adminApiRoute(async ({ caller, body }) => {
  const input = parseWith(apiCreateQueueSchema, await body());
  return Response.json(await apiCreateQueue(caller, input), { status: 201 });
});
