"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentActor } from "@/lib/actor";
import { agentFormAction } from "@/lib/actions/agent-action";
import { linkTicketByNumber, removeTicketLink } from "@/lib/tickets/change-links";
import {
  linkFormSchema,
  mergeFormSchema,
  splitFormSchema,
  ticketChangeSchema,
  unlinkFormSchema,
} from "@/lib/tickets/collab-schemas";
import { mergeTickets, previewMerge } from "@/lib/tickets/merge-tickets";
import { splitArticle } from "@/lib/tickets/split-article";
import { lockTicket, unlockTicket } from "@/lib/tickets/ticket-lock";

// Every action revalidates the zoom first: a refused change (a colleague's newer version)
// then comes back with the ticket's fresh state along with the reason.
const ZOOM = "/agent/tickets/[number]";
const refresh = () => revalidatePath(ZOOM, "page");

export const lockAction = agentFormAction({
  name: "collab.lock",
  schema: ticketChangeSchema,
  run: async ({ agent, scope, input }) => {
    refresh();
    await lockTicket({
      ticketId: input.ticketId,
      agentId: agent.id,
      scope,
      expectedVersion: input.version,
    });
  },
});

export const unlockAction = agentFormAction({
  name: "collab.unlock",
  schema: ticketChangeSchema,
  run: async ({ agent, scope, input }) => {
    refresh();
    await unlockTicket({
      ticketId: input.ticketId,
      agentId: agent.id,
      scope,
      expectedVersion: input.version,
    });
  },
});

export const linkAction = agentFormAction({
  name: "collab.link",
  schema: linkFormSchema,
  run: async ({ agent, scope, input }) => {
    refresh();
    await linkTicketByNumber({ ...input, actor: agentActor(agent.id), scope });
  },
});

export const unlinkAction = agentFormAction({
  name: "collab.unlink",
  schema: unlinkFormSchema,
  run: async ({ agent, scope, input }) => {
    refresh();
    await removeTicketLink({ ...input, actor: agentActor(agent.id), scope });
  },
});

/** Step one (no `confirm`) answers what the merge would do; step two merges and opens the target. */
export const mergeAction = agentFormAction({
  name: "collab.merge",
  schema: mergeFormSchema,
  run: async ({ agent, scope, input }) => {
    refresh();
    const options = {
      sourceId: input.ticketId,
      targetNumber: input.targetNumber,
      scope,
      expectedVersion: input.version,
    };
    if (!input.confirm) return { plan: await previewMerge(options) };
    const plan = await mergeTickets({ ...options, actor: agentActor(agent.id) });
    redirect(`/agent/tickets/${plan.target.number}`);
  },
});

export const splitAction = agentFormAction({
  name: "collab.split",
  schema: splitFormSchema,
  run: async ({ agent, scope, input }) => {
    refresh();
    const created = await splitArticle({
      articleId: input.articleId,
      agentId: agent.id,
      scope,
      expectedVersion: input.version,
    });
    redirect(`/agent/tickets/${created.number}`);
  },
});
