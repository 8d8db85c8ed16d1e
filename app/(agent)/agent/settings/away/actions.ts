"use server";

import { revalidatePath } from "next/cache";
import { agentFormAction } from "@/lib/actions/agent-action";
import { setOwnOutOfOffice } from "@/lib/agents/set-own-out-of-office";
import { outOfOfficeSchema } from "@/lib/agents/out-of-office-schema";

/** The agent's own out-of-office days (an admin setting them for others is the admin area's). */
export const saveOutOfOffice = agentFormAction({
  name: "saveOutOfOffice",
  schema: outOfOfficeSchema,
  run: async ({ agent, input }) => {
    await setOwnOutOfOffice({ agentId: agent.id, ...input });
    revalidatePath("/agent", "layout");
  },
});
