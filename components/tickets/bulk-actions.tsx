"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { applyBulkAction } from "@/app/(agent)/agent/queues/actions";
import { Button } from "@/components/ui/button";
import type { BulkResult } from "@/lib/queue-view/bulk-update-tickets";
import type { BulkOptions } from "@/lib/queue-view/bulk-options";
import { BULK_ACTIONS, BULK_STATES, type BulkActionInput } from "@/lib/queue-view/schemas";

type Action = (typeof BULK_ACTIONS)[number];

/**
 * Bulk actions on the selected tickets of any ticket list (queue view, search results):
 * state, priority, queue, owner, lock, unlock, take over. Shows what changed and what was
 * refused, and warns when the new owner is out of office (with a colleague to ask).
 */
export function BulkActions({
  selectedIds,
  options,
  now,
}: {
  selectedIds: number[];
  options: BulkOptions;
  now: Date;
}) {
  const t = useTranslations("bulk");
  const states = useTranslations("states");
  const priorities = useTranslations("zoom.priorities");
  const errors = useTranslations("agentErrors");
  const router = useRouter();
  const [action, setAction] = useState<Action>("state");
  const [value, setValue] = useState("");
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const values: [string, string][] =
    action === "state"
      ? BULK_STATES.map((s) => [s, states(s)])
      : action === "priority"
        ? ([5, 4, 3, 2, 1] as const).map((p) => [String(p), priorities(String(p) as "1")])
        : action === "queue"
          ? options.queues.map((q) => [String(q.id), q.name])
          : action === "owner"
            ? [
                ["0", t("noOwner")],
                ...options.agents.map((a): [string, string] => [
                  String(a.id),
                  a.outOfOfficeFrom &&
                  a.outOfOfficeTo &&
                  a.outOfOfficeFrom <= now &&
                  now <= a.outOfOfficeTo
                    ? t("awayUntil", { name: a.name, until: a.outOfOfficeTo })
                    : a.name,
                ]),
              ]
            : [];
  const chosen = values.some(([v]) => v === value) ? value : (values[0]?.[0] ?? "");

  function apply() {
    const ticketIds = selectedIds;
    const input = { action, ticketIds, [fieldOf(action)]: chosen } as unknown as BulkActionInput;
    startTransition(async () => {
      const answer = await applyBulkAction(input);
      if (answer.ok) {
        setResult(answer.data);
        setError(null);
        router.refresh();
      } else {
        setResult(null);
        setError(errors(answer.formError ?? "invalid"));
      }
    });
  }

  const noAccess = result?.refused.filter((r) => r.reason === "noAccess").length ?? 0;
  const notAllowed = (result?.refused.length ?? 0) - noAccess;
  return (
    <section
      aria-label={t("title")}
      className="flex flex-wrap items-end gap-3 rounded-md border border-zinc-200 p-3 text-sm dark:border-zinc-800"
    >
      <p className="w-full font-medium">{t("selected", { count: selectedIds.length })}</p>
      <label className="flex flex-col gap-1">
        {t("action")}
        <select
          value={action}
          onChange={(e) => setAction(e.target.value as Action)}
          className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
        >
          {BULK_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`actions.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {values.length > 0 && (
        <label className="flex flex-col gap-1">
          {t("value")}
          <select
            value={chosen}
            onChange={(e) => setValue(e.target.value)}
            className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
          >
            {values.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}
      {action === "merge" && (
        <p className="w-full text-amber-800 dark:text-amber-300" data-testid="bulk-merge-note">
          {t("mergeNote")}
        </p>
      )}
      <Button type="button" onClick={apply} disabled={pending || selectedIds.length === 0}>
        {t("apply")}
      </Button>
      <div role="status" className="w-full space-y-1" data-testid="bulk-result">
        {error && <p className="text-red-700 dark:text-red-400">{error}</p>}
        {result && (
          <>
            <p>
              {t("summary", {
                changed: result.changed,
                unchanged: result.unchanged,
                refused: result.refused.length,
              })}
            </p>
            {noAccess > 0 && <p>{t("refusedNoAccess", { count: noAccess })}</p>}
            {notAllowed > 0 && <p>{t("refusedNotAllowed", { count: notAllowed })}</p>}
            {result.awayOwner && (
              <p className="text-amber-800 dark:text-amber-300">
                {t("awayWarning", {
                  name: result.awayOwner.name,
                  until: new Date(result.awayOwner.until),
                })}{" "}
                {result.awayOwner.suggestion
                  ? t("awaySuggestion", { name: result.awayOwner.suggestion.name })
                  : t("awayNoSuggestion")}
              </p>
            )}
          </>
        )}
      </div>
    </section>
  );
}

/** The input field each action's value goes to. */
function fieldOf(action: Action) {
  return action === "state"
    ? "state"
    : action === "priority"
      ? "priority"
      : action === "queue"
        ? "queueId"
        : "ownerId";
}
