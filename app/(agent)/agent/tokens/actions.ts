"use server";

import { revalidatePath } from "next/cache";
import { agentButtonAction, agentFormAction } from "@/lib/actions/agent-action";
import { createApiToken, revokeApiToken } from "@/lib/agents/api-tokens";
import { apiTokenSchema, revokeApiTokenSchema } from "@/lib/agents/schemas";

export const createToken = agentFormAction({
  name: "createToken",
  schema: apiTokenSchema,
  run: async ({ agent, input }) => {
    const { token } = await createApiToken({ agentId: agent.id, ...input });
    revalidatePath("/agent/tokens");
    return { token };
  },
});

export const revokeToken = agentButtonAction({
  name: "revokeToken",
  schema: revokeApiTokenSchema,
  run: async ({ agent, input }) => {
    await revokeApiToken({ agentId: agent.id, tokenId: input.tokenId });
    revalidatePath("/agent/tokens");
  },
});
