"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentButtonAction, agentFormAction } from "@/lib/actions/agent-action";
import {
  createMailAccount,
  deactivateMailAccount,
  updateMailAccount,
} from "@/lib/mail/accounts/manage-mail-accounts";
import {
  editMailAccountSchema,
  mailAccountIdSchema,
  mailAccountSchema,
} from "@/lib/mail/accounts/schemas";
import { testMailAccount } from "@/lib/mail/accounts/test-mail-account";

const PAGE = "/agent/admin/mail-accounts";
const webActor = (agent: { id: number; name: string }) => ({
  agentId: agent.id,
  name: agent.name,
  via: "web" as const,
});

export const createAccount = agentFormAction({
  name: "createMailAccount",
  schema: mailAccountSchema,
  role: "admin",
  run: async ({ agent, input }): Promise<{ saved: boolean }> => {
    const account = await createMailAccount(input, webActor(agent));
    revalidatePath(PAGE);
    redirect(`${PAGE}/${account.id}?saved=1`);
  },
});

export const updateAccount = agentFormAction({
  name: "updateMailAccount",
  schema: editMailAccountSchema,
  role: "admin",
  run: async ({ agent, input }) => {
    const { accountId, ...fields } = input;
    await updateMailAccount(accountId, fields, webActor(agent));
    revalidatePath(PAGE);
    return { saved: true };
  },
});

export const testConnection = agentFormAction({
  name: "testMailAccount",
  schema: mailAccountIdSchema,
  role: "admin",
  run: async ({ input }) => testMailAccount(input.accountId),
});

export const deactivateAccount = agentButtonAction({
  name: "deactivateMailAccount",
  schema: mailAccountIdSchema,
  role: "admin",
  run: async ({ agent, input }) => {
    await deactivateMailAccount(input.accountId, webActor(agent));
    revalidatePath(PAGE);
  },
});
