"use server";

import { redirect } from "next/navigation";
import { agentAction, agentFormAction } from "@/lib/actions/agent-action";
import { searchCustomers } from "@/lib/customers/search-customers";
import { createAgentTicket } from "@/lib/tickets/create-agent-ticket";
import { agentTicketSchema, customerSearchSchema } from "@/lib/tickets/schemas";

/** A phone or outbound e-mail ticket; on success the agent lands on it. */
export const createAgentTicketAction = agentFormAction({
  name: "createAgentTicket",
  schema: agentTicketSchema,
  run: async ({ agent, scope, input }) => {
    const { number } = await createAgentTicket({ scope, agent, input });
    redirect(`/agent/tickets/${number}`);
  },
});

/** Known customers for the address field's suggestions. */
export const searchCustomersAction = agentAction({
  name: "searchCustomers",
  schema: customerSearchSchema,
  run: ({ scope, input }) => searchCustomers({ scope, q: input.q }),
});
