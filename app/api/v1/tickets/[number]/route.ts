import { apiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiGetTicket, apiUpdateTicket } from "@/lib/api/tickets-api";
import { apiUpdateTicketSchema } from "@/lib/tickets/schemas";

export const dynamic = "force-dynamic";

type Params = { number: string };

export const GET = apiRoute<Params>(async ({ caller, params }) =>
  Response.json(await apiGetTicket(caller, params.number)),
);

export const PATCH = apiRoute<Params>(async ({ caller, params, body }) => {
  const input = parseWith(apiUpdateTicketSchema, await body());
  return Response.json(await apiUpdateTicket(caller, params.number, input));
});
