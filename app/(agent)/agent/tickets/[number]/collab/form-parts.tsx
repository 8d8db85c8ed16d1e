"use client";

import { useTranslations } from "next-intl";
import { inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/run-agent-action";

/** The hidden fields of every collab form: the ticket and the version its page showed. */
export function TicketFields({ ticketId, version }: { ticketId: number; version: number }) {
  return (
    <>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/** A ticket-number input with its label and its field error from the action's result. */
export function TicketNumberField({
  name,
  label,
  state,
  defaultValue,
  readOnly,
}: {
  name: string;
  label: string;
  state: ActionResult<unknown> | null;
  defaultValue?: string;
  readOnly?: boolean;
}) {
  const errors = useTranslations("agentErrors");
  const failed = state && !state.ok ? state : null;
  const error = failed?.fieldErrors?.[name]?.[0];
  return (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <input
        name={name}
        inputMode="numeric"
        required
        readOnly={readOnly}
        className={inputClass}
        defaultValue={defaultValue ?? failed?.values?.[name]}
        aria-invalid={error ? true : undefined}
      />
      {error && (
        <span role="alert" className="block text-red-700 dark:text-red-400">
          {errors(error)}
        </span>
      )}
    </label>
  );
}
