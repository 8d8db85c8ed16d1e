"use server";

import { revalidatePath } from "next/cache";
import { agentButtonAction } from "@/lib/actions/agent-action";
import { rerunJobSchema } from "@/lib/agents/schemas";
import { rerunJob } from "@/lib/jobs/finish-job";

export const rerun = agentButtonAction({
  name: "rerunJob",
  role: "admin",
  schema: rerunJobSchema,
  run: async ({ input }) => {
    await rerunJob(input.jobId);
    revalidatePath("/agent/admin/jobs");
  },
});
