"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { linkAction } from "./actions";
import { ActionMessage } from "./action-message";
import { TicketFields, TicketNumberField } from "./form-parts";

/** Links this ticket to another by number: related, parent of, or child of. */
export function LinkForm({ ticketId, version }: { ticketId: number; version: number }) {
  const t = useTranslations("collab");
  const [state, action, pending] = useActionState(linkAction, null);
  const kind = state && !state.ok ? state.values?.kind : undefined;
  return (
    <form action={action} className="space-y-2" aria-label={t("linkTitle")}>
      <TicketFields ticketId={ticketId} version={version} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t("linkKind")}</span>
          <select name="kind" className={inputClass} defaultValue={kind ?? "normal"}>
            <option value="normal">{t("kind.normal")}</option>
            <option value="parent">{t("kind.parent")}</option>
            <option value="child">{t("kind.child")}</option>
          </select>
        </label>
        <TicketNumberField name="otherNumber" label={t("linkNumber")} state={state} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("link")}
        </Button>
      </div>
      <ActionMessage state={state} />
    </form>
  );
}
