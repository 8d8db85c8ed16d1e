"use server";

import { revalidatePath } from "next/cache";
import { agentAction } from "@/lib/actions/agent-action";
import { bulkUpdateTickets } from "@/lib/queue-view/bulk-update-tickets";
import { moveTicket } from "@/lib/queue-view/move-ticket";
import { bulkActionSchema, moveTicketSchema } from "@/lib/queue-view/schemas";

/** Manual order: put a ticket before or after another of its queue (rw on the queue). */
export const moveTicketAction = agentAction({
  name: "moveTicket",
  schema: moveTicketSchema,
  run: async ({ scope, input }) => {
    await moveTicket({ scope, ...input });
    revalidatePath("/agent/queues", "layout");
  },
});

/**
 * One bulk action on selected tickets (queue view; any ticket list may use it, e.g. search
 * results): returns the summary of changed and refused tickets.
 */
export const applyBulkAction = agentAction({
  name: "applyBulkAction",
  schema: bulkActionSchema,
  run: async ({ agent, scope, input }) => {
    const result = await bulkUpdateTickets({ scope, agentId: agent.id, input });
    revalidatePath("/agent", "layout");
    return result;
  },
});
