"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { addNoteAction } from "./actions";
import { ActionFeedback, boxClass, useFieldError } from "./action-feedback";

/** An internal note, or a phone call (taken or made) that may be shown to the customer. */
export function NoteForm({ number }: { number: string }) {
  const t = useTranslations("ticketActions.note");
  const fieldError = useFieldError();
  const [state, action, pending] = useActionState(addNoteAction, null);
  const failed = state && !state.ok ? state : null;
  const [kind, setKind] = useState(failed?.values?.kind ?? "note");
  const bodyError = fieldError(failed?.fieldErrors?.body);
  return (
    <details data-shortcut="note" className={boxClass} open={!!failed}>
      <summary className="cursor-pointer font-semibold">{t("heading")}</summary>
      <form action={action} className="mt-3 space-y-3" noValidate>
        <input type="hidden" name="number" value={number} />
        <fieldset className="flex flex-wrap gap-4 text-sm">
          <legend className="mb-1 font-medium">{t("kind")}</legend>
          {(["note", "phone"] as const).map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input
                type="radio"
                name="kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(`kinds.${value}`)}
            </label>
          ))}
        </fieldset>
        {kind === "phone" ? (
          <div className="flex flex-wrap items-end gap-4 text-sm">
            <div>
              <label htmlFor="note-call" className="block font-medium">
                {t("call")}
              </label>
              <select
                id="note-call"
                name="call"
                defaultValue={failed?.values?.call ?? "in"}
                className={inputClass}
              >
                <option value="in">{t("calls.in")}</option>
                <option value="out">{t("calls.out")}</option>
              </select>
            </div>
            <label className="flex items-center gap-2 pb-2">
              <input
                type="checkbox"
                name="visibleToCustomer"
                defaultChecked={failed?.values?.visibleToCustomer === "on"}
              />
              {t("visible")}
            </label>
          </div>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("internalHint")}</p>
        )}
        <Field
          id="note-subject"
          name="subject"
          label={t("subject")}
          defaultValue={failed?.values?.subject}
          error={fieldError(failed?.fieldErrors?.subject)}
        />
        <Field id="note-body" label={t("body")} error={bodyError}>
          <textarea
            id="note-body"
            name="body"
            rows={5}
            required
            className={inputClass}
            defaultValue={failed?.values?.body}
            aria-invalid={bodyError ? true : undefined}
            aria-describedby={bodyError ? "note-body-error" : undefined}
          />
        </Field>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {t("submit")}
          </Button>
          <ActionFeedback state={state} success={t("added")} />
        </div>
      </form>
    </details>
  );
}
