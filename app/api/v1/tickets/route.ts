import { apiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { apiCreateTicket, apiListTickets } from "@/lib/api/tickets-api";
import { apiCreateTicketSchema, apiListTicketsSchema } from "@/lib/tickets/schemas";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ req, caller }) => {
  const query = parseWith(apiListTicketsSchema, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await apiListTickets(caller, query));
});

export const POST = apiRoute(async ({ caller, body }) => {
  const input = parseWith(apiCreateTicketSchema, await body());
  return Response.json(await apiCreateTicket(caller, input), { status: 201 });
});
