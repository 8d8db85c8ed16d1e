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

export const createAccount = agentFormAction({
  name: "createMailAccount",
  schema: mailAccountSchema,
  role: "admin",
  run: async ({ input }): Promise<{ saved: boolean }> => {
    const account = await createMailAccount(input);
    revalidatePath(PAGE);
    redirect(`${PAGE}/${account.id}?saved=1`);
  },
});

export const updateAccount = agentFormAction({
  name: "updateMailAccount",
  schema: editMailAccountSchema,
  role: "admin",
  run: async ({ input }) => {
    const { accountId, ...fields } = input;
    await updateMailAccount(accountId, fields);
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
  run: async ({ input }) => {
    await deactivateMailAccount(input.accountId);
    revalidatePath(PAGE);
  },
});
