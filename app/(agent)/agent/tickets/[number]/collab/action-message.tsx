"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/run-agent-action";

/**
 * What a refused collab form shows: the error, and for a change made against an old
 * version who changed the ticket and when ("Changed by Tom Becker 2 minutes ago").
 */
export function ActionMessage({ state }: { state: ActionResult<unknown> | null }) {
  const t = useTranslations("collab");
  const errors = useTranslations("agentErrors");
  const format = useFormatter();
  const router = useRouter();
  const isStale = state?.ok === false && state.formError === "staleVersion";
  // Show the fresh state along with the refusal (the action revalidates too; this makes sure).
  useEffect(() => {
    if (isStale) router.refresh();
  }, [isStale, state, router]);
  if (!state || state.ok || !state.formError) return null;
  const last = state.lastChange;
  return (
    <div role="alert" className="text-sm text-red-700 dark:text-red-400">
      <p>{errors(state.formError)}</p>
      {last && (
        <p className="font-medium">
          {t("changedBy", {
            kind: last.kind,
            name: last.by,
            ago: format.relativeTime(new Date(last.at), new Date()),
          })}
        </p>
      )}
    </div>
  );
}
