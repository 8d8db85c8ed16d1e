"use server";

import { revalidatePath } from "next/cache";
import { requireAgent } from "@/lib/auth/session";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";

export async function markAllRead() {
  const agent = await requireAgent();
  await markNotificationsRead(agent.id);
  revalidatePath("/agent", "layout");
}
