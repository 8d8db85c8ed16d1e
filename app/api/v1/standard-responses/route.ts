import { apiCreateStandardResponse, apiListStandardResponses } from "@/lib/api/admin-desk-api";
import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiCreateStandardResponseSchema } from "@/lib/standard-responses/schemas";

export const dynamic = "force-dynamic";

export const GET = adminApiRoute(async ({ caller }) =>
  Response.json(await apiListStandardResponses(caller)),
);

export const POST = adminApiRoute(async ({ caller, body }) => {
  const input = parseWith(apiCreateStandardResponseSchema, await body());
  return Response.json(await apiCreateStandardResponse(caller, input), { status: 201 });
});
