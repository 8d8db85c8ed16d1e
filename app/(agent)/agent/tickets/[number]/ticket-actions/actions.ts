"use server";

import { revalidatePath } from "next/cache";
import { agentAction, agentFormAction } from "@/lib/actions/agent-action";
import { addAgentNote } from "@/lib/tickets/add-agent-note";
import { changeTicket } from "@/lib/tickets/change-ticket";
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

export const changeStateAction = agentFormAction({
  name: "changeState",
  schema: changeStateSchema,
  run: async ({ agent, scope, input }) => {
    await changeTicket({
      scope,
      agentId: agent.id,
      number: input.number,
      change: { kind: "state", state: input.state, pendingUntil: input.pendingUntil },
    });
    revalidatePath(zoom(input.number));
  },
});

export const changePriorityAction = agentFormAction({
  name: "changePriority",
  schema: changePrioritySchema,
  run: async ({ agent, scope, input }) => {
    await changeTicket({
      scope,
      agentId: agent.id,
      number: input.number,
      change: { kind: "priority", priority: input.priority },
    });
    revalidatePath(zoom(input.number));
  },
});

export const moveQueueAction = agentFormAction({
  name: "moveQueue",
  schema: moveQueueSchema,
  run: async ({ agent, scope, input }) => {
    await changeTicket({
      scope,
      agentId: agent.id,
      number: input.number,
      change: { kind: "queue", queueId: input.queueId },
    });
    revalidatePath(zoom(input.number));
  },
});

export const assignAgentAction = agentFormAction({
  name: "assignAgent",
  schema: assignAgentSchema,
  run: async ({ agent, scope, input }) => {
    await changeTicket({
      scope,
      agentId: agent.id,
      number: input.number,
      change: { kind: input.role, agent: input.agent },
    });
    revalidatePath(zoom(input.number));
  },
});
