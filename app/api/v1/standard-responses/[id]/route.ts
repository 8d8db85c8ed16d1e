import {
  apiDeleteStandardResponse,
  apiGetStandardResponse,
  apiUpdateStandardResponse,
} from "@/lib/api/admin-desk-api";
import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { pathIdSchema } from "@/lib/queues/schemas";
import { apiUpdateStandardResponseSchema } from "@/lib/standard-responses/schemas";

export const dynamic = "force-dynamic";

export const GET = adminApiRoute<{ id: string }>(async ({ caller, params }) =>
  Response.json(await apiGetStandardResponse(caller, parseWith(pathIdSchema, params.id))),
);

export const PATCH = adminApiRoute<{ id: string }>(async ({ caller, params, body }) => {
  const id = parseWith(pathIdSchema, params.id);
  const input = parseWith(apiUpdateStandardResponseSchema, await body());
  return Response.json(await apiUpdateStandardResponse(caller, id, input));
});

export const DELETE = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  await apiDeleteStandardResponse(caller, parseWith(pathIdSchema, params.id));
  return new Response(null, { status: 204 });
});
