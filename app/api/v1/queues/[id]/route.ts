import { apiGetQueue, apiUpdateQueue } from "@/lib/api/admin-desk-api";
import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiUpdateQueueSchema, pathIdSchema } from "@/lib/queues/schemas";

export const dynamic = "force-dynamic";

export const GET = adminApiRoute<{ id: string }>(async ({ caller, params }) =>
  Response.json(await apiGetQueue(caller, parseWith(pathIdSchema, params.id))),
);

export const PATCH = adminApiRoute<{ id: string }>(async ({ caller, params, body }) => {
  const id = parseWith(pathIdSchema, params.id);
  return Response.json(
    await apiUpdateQueue(caller, id, parseWith(apiUpdateQueueSchema, await body())),
  );
});

/** Queues are never deleted: DELETE deactivates (as PATCH `{ "active": false }`). */
export const DELETE = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  const id = parseWith(pathIdSchema, params.id);
  return Response.json(await apiUpdateQueue(caller, id, { active: false }));
});
