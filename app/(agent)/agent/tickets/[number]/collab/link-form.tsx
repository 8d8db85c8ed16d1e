"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { linkAction } from "./actions";
import { ActionMessage } from "./action-message";

/** Links this ticket to another by number: related, parent of, or child of. */
export function LinkForm({ ticketId, version }: { ticketId: number; version: number }) {
  const t = useTranslations("collab");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(linkAction, null);
  const failed = state && !state.ok ? state : null;
  const numberError = failed?.fieldErrors?.otherNumber?.[0];
  return (
    <form action={action} className="space-y-2" aria-label={t("linkTitle")}>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t("linkKind")}</span>
          <select
            name="kind"
            className={inputClass}
            defaultValue={failed?.values?.kind ?? "normal"}
          >
            <option value="normal">{t("kind.normal")}</option>
            <option value="parent">{t("kind.parent")}</option>
            <option value="child">{t("kind.child")}</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">{t("linkNumber")}</span>
          <input
            name="otherNumber"
            inputMode="numeric"
            required
            className={inputClass}
            defaultValue={failed?.values?.otherNumber}
            aria-invalid={numberError ? true : undefined}
          />
        </label>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("link")}
        </Button>
      </div>
      {numberError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(numberError)}
        </p>
      )}
      <ActionMessage state={state} />
    </form>
  );
}
