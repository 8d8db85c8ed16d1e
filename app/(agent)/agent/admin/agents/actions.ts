"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentButtonAction, agentFormAction } from "@/lib/actions/agent-action";
import { auditActor } from "@/lib/admin/audit-actor";
import { revokeApiTokenAsAdmin } from "@/lib/agents/api-tokens";
import { provisionAgent } from "@/lib/agents/provision-agent";
import {
  agentIdSchema,
  createAgentSchema,
  revokeApiTokenSchema,
  updateAgentSchema,
} from "@/lib/agents/schemas";
import { resetAgentPassword, updateAgent } from "@/lib/agents/update-agent";

export const createAgentAction = agentFormAction({
  name: "createAgent",
  role: "admin",
  schema: createAgentSchema,
  run: async ({ agent, input }) => {
    const { setup, password, ...fields } = input;
    const created = await provisionAgent({
      actor: auditActor(agent),
      input: { ...fields, password: setup === "password" ? password : undefined },
    });
    revalidatePath("/agent/admin/agents");
    redirect(
      `/agent/admin/agents/${created.id}?saved=${setup === "invite" ? "invited" : "created"}`,
    );
  },
});

export const updateAgentAction = agentFormAction({
  name: "updateAgent",
  role: "admin",
  schema: updateAgentSchema,
  run: async ({ agent, input }) => {
    const { agentId, ...changes } = input;
    await updateAgent({ actor: auditActor(agent), agentId, changes });
    revalidatePath(`/agent/admin/agents/${agentId}`);
    return { saved: true };
  },
});

export const setAgentActiveAction = agentFormAction({
  name: "setAgentActive",
  role: "admin",
  schema: agentIdSchema,
  run: async ({ agent, input }) => {
    const target = await updateAgent({
      actor: auditActor(agent),
      agentId: input.agentId,
      changes: { active: input.active },
    });
    revalidatePath(`/agent/admin/agents/${input.agentId}`);
    return { active: target.active };
  },
});

export const resetPasswordAction = agentFormAction({
  name: "resetAgentPassword",
  role: "admin",
  schema: agentIdSchema,
  run: async ({ agent, input }) => {
    await resetAgentPassword({ actor: auditActor(agent), agentId: input.agentId });
    return { sent: true };
  },
});

export const revokeAgentTokenAction = agentButtonAction({
  name: "revokeAgentToken",
  role: "admin",
  schema: revokeApiTokenSchema.extend({ agentId: agentIdSchema.shape.agentId }),
  run: async ({ agent, input }) => {
    await revokeApiTokenAsAdmin({ actor: auditActor(agent), tokenId: input.tokenId });
    revalidatePath(`/agent/admin/agents/${input.agentId}`);
  },
});
