"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { agentButtonAction } from "@/lib/actions/agent-action";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";

export const markAllRead = agentButtonAction({
  name: "markAllRead",
  schema: z.object({}),
  run: async ({ agent }) => {
    await markNotificationsRead(agent.id);
    revalidatePath("/agent", "layout");
  },
});
