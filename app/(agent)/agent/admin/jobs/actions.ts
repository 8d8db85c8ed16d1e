"use server";

import { revalidatePath } from "next/cache";
import { requireAdmin } from "@/lib/auth/session";
import { rerunJob } from "@/lib/jobs/finish-job";

export async function rerun(formData: FormData) {
  await requireAdmin();
  await rerunJob(Number(formData.get("jobId")));
  revalidatePath("/agent/admin/jobs");
}
