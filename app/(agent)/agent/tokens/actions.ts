"use server";

import { revalidatePath } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/agents/api-tokens";
import { apiTokenSchema } from "@/lib/agents/schemas";
import { requireAgent } from "@/lib/auth/session";

export interface CreateTokenState {
  token?: string;
  error?: "nameRequired";
  name?: string;
}

export async function createToken(
  _prev: CreateTokenState,
  formData: FormData,
): Promise<CreateTokenState> {
  const agent = await requireAgent();
  const parsed = apiTokenSchema.safeParse({
    name: formData.get("name"),
    readOnly: formData.get("readOnly") === "on",
  });
  if (!parsed.success) return { error: "nameRequired", name: String(formData.get("name") ?? "") };
  const { token } = await createApiToken({ agentId: agent.id, ...parsed.data });
  revalidatePath("/agent/tokens");
  return { token };
}

export async function revokeToken(formData: FormData) {
  const agent = await requireAgent();
  await revokeApiToken({ agentId: agent.id, tokenId: Number(formData.get("tokenId")) });
  revalidatePath("/agent/tokens");
}
