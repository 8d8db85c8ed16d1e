"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentButtonAction, agentFormAction } from "@/lib/actions/agent-action";
import { auditActor } from "@/lib/admin/audit-actor";
import { createQueue, updateQueue } from "@/lib/queues/save-queue";
import { queueActivitySchema, queueFormSchema } from "@/lib/queues/schemas";
import { setQueueActive } from "@/lib/queues/set-queue-active";

export const saveQueue = agentFormAction({
  name: "saveQueue",
  role: "admin",
  schema: queueFormSchema,
  run: async ({ agent, input: { queueId, input } }) => {
    const actor = auditActor(agent, "web");
    const queue = queueId
      ? await updateQueue({ actor, queueId, input })
      : await createQueue({ actor, input });
    revalidatePath("/agent/admin/queues");
    redirect(`/agent/admin/queues/${queue.id}?saved=1`);
  },
});

export const setQueueActivity = agentButtonAction({
  name: "setQueueActivity",
  role: "admin",
  schema: queueActivitySchema,
  run: async ({ agent, input }) => {
    await setQueueActive({ actor: auditActor(agent, "web"), ...input });
    revalidatePath("/agent/admin/queues");
  },
});
