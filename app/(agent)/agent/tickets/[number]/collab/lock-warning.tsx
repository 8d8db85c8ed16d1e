import { getTranslations } from "next-intl/server";
import type { ActiveLock } from "@/lib/tickets/ticket-lock";

/**
 * The warning before replying on a ticket a colleague has locked (notes stay possible).
 * Shown in the collab panel; the reply form mounts it too.
 */
export async function LockWarning({ lock, agentId }: { lock: ActiveLock | null; agentId: number }) {
  if (!lock || lock.agentId === agentId) return null;
  const t = await getTranslations("collab");
  return (
    <p
      role="status"
      data-testid="lock-warning"
      className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950"
    >
      {t("lockedWarning", { name: lock.name })}
    </p>
  );
}
