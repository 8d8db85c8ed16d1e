"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { mergeAction } from "./actions";
import { ActionMessage } from "./action-message";
import { TicketFields, TicketNumberField } from "./form-parts";

/**
 * Merge into another ticket by number, in two steps: "Check" shows who will see what
 * (one customer, or two who never see each other's words), then "Merge" does it.
 */
export function MergeForm({
  ticketId,
  version,
  suggestedTarget,
}: {
  ticketId: number;
  version: number;
  /** A target offered by "similar tickets" (?merge-into=): filled in, still checked first. */
  suggestedTarget?: string;
}) {
  const t = useTranslations("collab");
  const [state, action, pending] = useActionState(mergeAction, null);
  const plan = state?.ok ? state.data?.plan : undefined;
  return (
    <form action={action} className="space-y-2" aria-label={t("mergeTitle")}>
      <TicketFields ticketId={ticketId} version={version} />
      <div className="flex flex-wrap items-end gap-2">
        <TicketNumberField
          name="targetNumber"
          label={t("mergeNumber")}
          state={state}
          defaultValue={plan?.target.number ?? suggestedTarget}
          readOnly={!!plan}
        />
        {!plan && (
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("mergeCheck")}
          </Button>
        )}
      </div>
      {plan && (
        <div
          role="status"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <p>
            {t("mergeWhat", {
              count: plan.source.articleCount,
              target: plan.target.number,
              title: plan.target.title,
            })}
          </p>
          <p>
            {plan.isSameCustomer
              ? t("mergeSameCustomer", {
                  customer: plan.target.customerEmail,
                  target: plan.target.number,
                })
              : t("mergeTwoCustomers", {
                  source: plan.source.customerEmail,
                  target: plan.target.customerEmail,
                  targetNumber: plan.target.number,
                })}
          </p>
          <input type="hidden" name="confirm" value="1" />
          <Button type="submit" variant="danger" disabled={pending}>
            {t("mergeConfirm", { target: plan.target.number })}
          </Button>
        </div>
      )}
      <ActionMessage state={state} />
    </form>
  );
}
