"use server";

import { revalidatePath } from "next/cache";
import { agentFormAction } from "@/lib/actions/agent-action";
import { auditActor } from "@/lib/admin/audit-actor";
import { discardInboundSchema, reprocessInboundSchema } from "@/lib/mail/inbound/review-schemas";
import {
  discardInboundMessage,
  reprocessInboundAsAdmin,
} from "@/lib/mail/inbound/review-inbound-message";

export const reprocessInboundAction = agentFormAction({
  name: "reprocessInbound",
  role: "admin",
  schema: reprocessInboundSchema,
  run: async ({ agent, input }) => {
    await reprocessInboundAsAdmin({ actor: auditActor(agent), id: input.id });
    revalidatePath(`/agent/admin/review/inbound/${input.id}`);
    return { done: true };
  },
});

export const discardInboundAction = agentFormAction({
  name: "discardInbound",
  role: "admin",
  schema: discardInboundSchema,
  run: async ({ agent, input }) => {
    await discardInboundMessage({ actor: auditActor(agent), ...input });
    revalidatePath(`/agent/admin/review/inbound/${input.id}`);
    return { done: true };
  },
});
