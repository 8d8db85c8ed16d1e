import { apiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiAddArticle } from "@/lib/api/tickets-api";
import { apiAddArticleSchema } from "@/lib/tickets/schemas";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ number: string }>(async ({ caller, params, body }) => {
  const input = parseWith(apiAddArticleSchema, await body());
  return Response.json(await apiAddArticle(caller, params.number, input), { status: 201 });
});
