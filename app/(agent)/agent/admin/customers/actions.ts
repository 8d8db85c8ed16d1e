"use server";

import { revalidatePath } from "next/cache";
import { agentFormAction } from "@/lib/actions/agent-action";
import { auditActor } from "@/lib/admin/audit-actor";
import { eraseCustomer } from "@/lib/customers/erase-customer";
import { updateCustomer } from "@/lib/customers/manage-customers";
import { mergeCustomers } from "@/lib/customers/merge-customers";
import {
  eraseCustomerSchema,
  mergeCustomerSchema,
  updateCustomerSchema,
} from "@/lib/customers/schemas";

export const updateCustomerAction = agentFormAction({
  name: "updateCustomer",
  role: "admin",
  schema: updateCustomerSchema,
  run: async ({ agent, input }) => {
    await updateCustomer({ actor: auditActor(agent), ...input });
    revalidatePath(`/agent/admin/customers/${input.customerId}`);
    return { saved: true };
  },
});

export const mergeCustomerAction = agentFormAction({
  name: "mergeCustomers",
  role: "admin",
  schema: mergeCustomerSchema,
  run: async ({ agent, input }) => {
    const result = await mergeCustomers({ actor: auditActor(agent), ...input });
    revalidatePath(`/agent/admin/customers/${input.customerId}`);
    return result;
  },
});

export const eraseCustomerAction = agentFormAction({
  name: "eraseCustomer",
  role: "admin",
  schema: eraseCustomerSchema,
  run: async ({ agent, input }) => {
    const result = await eraseCustomer({ actor: auditActor(agent), ...input });
    revalidatePath(`/agent/admin/customers/${input.customerId}`);
    return result;
  },
});
