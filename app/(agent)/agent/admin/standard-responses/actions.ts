"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { agentButtonAction, agentFormAction } from "@/lib/actions/agent-action";
import { auditActor } from "@/lib/admin/audit-actor";
import {
  createStandardResponse,
  deleteStandardResponse,
  updateStandardResponse,
} from "@/lib/standard-responses/save-standard-response";
import {
  standardResponseFormSchema,
  standardResponseIdSchema,
} from "@/lib/standard-responses/schemas";

const PATH = "/agent/admin/standard-responses";

export const saveStandardResponse = agentFormAction({
  name: "saveStandardResponse",
  role: "admin",
  schema: standardResponseFormSchema,
  run: async ({ agent, input: { responseId: id, ...form } }) => {
    const actor = auditActor(agent, "web");
    const saved = id
      ? await updateStandardResponse({ actor, responseId: id, input: form })
      : await createStandardResponse({ actor, input: form });
    revalidatePath(PATH);
    redirect(`${PATH}/${saved.id}?saved=1`);
  },
});

export const removeStandardResponse = agentButtonAction({
  name: "deleteStandardResponse",
  role: "admin",
  schema: standardResponseIdSchema,
  run: async ({ agent, input }) => {
    await deleteStandardResponse({
      actor: auditActor(agent, "web"),
      responseId: input.responseId,
    });
    revalidatePath(PATH);
    redirect(PATH);
  },
});
