"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentFormAction } from "@/lib/actions/agent-action";
import { auditActor } from "@/lib/admin/audit-actor";
import { createGroup, updateGroup } from "@/lib/groups/manage-groups";
import { createGroupSchema, updateGroupSchema } from "@/lib/groups/schemas";

export const createGroupAction = agentFormAction({
  name: "createGroup",
  role: "admin",
  schema: createGroupSchema,
  run: async ({ agent, input }) => {
    const group = await createGroup({ actor: auditActor(agent), name: input.name });
    revalidatePath("/agent/admin/groups");
    redirect(`/agent/admin/groups/${group.id}`);
  },
});

export const updateGroupAction = agentFormAction({
  name: "updateGroup",
  role: "admin",
  schema: updateGroupSchema,
  run: async ({ agent, input }) => {
    const { groupId, ...changes } = input;
    await updateGroup({ actor: auditActor(agent), groupId, changes });
    revalidatePath(`/agent/admin/groups/${groupId}`);
    return { saved: true };
  },
});
