"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { agentAction, agentFormAction } from "@/lib/actions/agent-action";
import { addAgentNote } from "@/lib/tickets/add-agent-note";
import { changeTicket, type AgentTicketChange } from "@/lib/tickets/change-ticket";
import { saveReplyDraft } from "@/lib/tickets/reply-drafts";
import {
  assignAgentSchema,
  changePrioritySchema,
  changeStateSchema,
  moveQueueSchema,
  noteSchema,
  replyDraftSchema,
} from "@/lib/tickets/schemas";

const zoom = (number: string) => `/agent/tickets/${number}`;

/** Keeps the reply being written (called while the agent types; sending deletes it). */
export const saveReplyDraftAction = agentAction({
  name: "saveReplyDraft",
  schema: replyDraftSchema,
  run: async ({ agent, scope, input: { number, ...values } }) => {
    await saveReplyDraft({ scope, agentId: agent.id, number, draft: { values } });
  },
});

export const addNoteAction = agentFormAction({
  name: "addNote",
  schema: noteSchema,
  run: async ({ agent, scope, input }) => {
    await addAgentNote({ scope, agent, input });
    revalidatePath(zoom(input.number));
  },
});

/** A zoom form that changes one property of the ticket (changeTicket). */
function changeAction<S extends z.ZodType<{ number: string }>>(
  name: string,
  schema: S,
  change: (input: z.output<S>) => AgentTicketChange,
) {
  return agentFormAction({
    name,
    schema,
    run: async ({ agent, scope, input }) => {
      await changeTicket({ scope, agentId: agent.id, number: input.number, change: change(input) });
      revalidatePath(zoom(input.number));
    },
  });
}

export const changeStateAction = changeAction("changeState", changeStateSchema, (input) => ({
  kind: "state",
  state: input.state,
  pendingUntil: input.pendingUntil,
}));

export const changePriorityAction = changeAction(
  "changePriority",
  changePrioritySchema,
  (input) => ({ kind: "priority", priority: input.priority }),
);

export const moveQueueAction = changeAction("moveQueue", moveQueueSchema, (input) => ({
  kind: "queue",
  queueId: input.queueId,
}));

export const assignAgentAction = changeAction("assignAgent", assignAgentSchema, (input) => ({
  kind: input.role,
  agent: input.agent,
}));
