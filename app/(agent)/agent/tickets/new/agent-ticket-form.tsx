"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useEffect, useState, useTransition } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { TicketState } from "@/lib/generated/sqlite/enums";
import { agentTicketSchema } from "@/lib/tickets/schemas";
import { isPending } from "@/lib/tickets/states";
import { createAgentTicketAction, searchCustomersAction } from "./actions";

type Values = z.input<typeof agentTicketSchema>;
const SETTABLE_STATES = Object.values(TicketState).filter((s) => s !== "merged");

/** A labelled control with its hint and error (ids follow `new-ticket-<field>`). */
function Row({
  field,
  label,
  hint,
  error,
  children,
}: {
  field: string;
  label: string;
  hint?: string;
  error?: string;
  children: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`new-ticket-${field}`} className="block text-sm font-medium">
        {label}
      </label>
      {hint && <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p>}
      {children}
      {error && (
        <p id={`new-ticket-${field}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * The phone-ticket and e-mail-ticket form: checked in the browser with the shared schema,
 * then sent to the server action; the server's field errors (agentErrors keys) show at
 * their fields, with what was typed kept.
 */
export function AgentTicketForm({
  kind,
  queues,
  timeZone,
}: {
  kind: "phone" | "email";
  queues: { id: number; name: string }[];
  timeZone: string;
}) {
  const t = useTranslations("newTicket");
  const states = useTranslations("states");
  const errors = useTranslations("agentErrors");
  const [result, action, pending] = useActionState(createAgentTicketAction, null);
  const [, startTransition] = useTransition();
  const failed = result && !result.ok ? result : null;
  const defaults: Record<string, string> = {
    kind,
    customerEmail: "",
    customerName: "",
    queueId: queues.length === 1 ? String(queues[0].id) : "",
    subject: "",
    body: "",
    state: kind === "phone" ? "open" : "pending_reminder",
    pendingUntil: "",
    ...failed?.values,
  };
  const form = useForm<Values>({
    resolver: zodResolver(agentTicketSchema) as never,
    defaultValues: defaults as Values,
    mode: "onTouched",
  });
  const email = useWatch({ control: form.control, name: "customerEmail" }) ?? "";
  const state = String(useWatch({ control: form.control, name: "state" }) ?? "");
  const [suggestions, setSuggestions] = useState<{ email: string; name: string }[]>([]);
  useEffect(() => {
    if (email.trim().length < 2) return;
    const timer = setTimeout(() => {
      void searchCustomersAction({ q: email }).then((r) => r.ok && setSuggestions(r.data));
    }, 250);
    return () => clearTimeout(timer);
  }, [email]);
  // A known customer chosen from the suggestions brings their name along.
  useEffect(() => {
    const known = suggestions.find((s) => s.email === email.trim().toLowerCase());
    if (known?.name && !form.getValues("customerName")) form.setValue("customerName", known.name);
  }, [email, suggestions, form]);

  const errorOf = (field: keyof Values) => {
    const own = (form.formState.errors as FieldErrors)[field];
    const keys = own ? [String(own.message ?? "invalid")] : failed?.fieldErrors?.[field];
    return keys?.length ? keys.map((key) => errors(key as never)).join(" ") : undefined;
  };
  const control = (field: keyof Values) => ({
    id: `new-ticket-${field}`,
    defaultValue: defaults[field],
    "aria-invalid": errorOf(field) ? true : undefined,
    "aria-describedby": errorOf(field) ? `new-ticket-${field}-error` : undefined,
    ...form.register(field),
  });
  if (!queues.length) return <p>{t("noQueues")}</p>;
  return (
    <form
      action={action}
      noValidate
      className="max-w-2xl space-y-4"
      onSubmit={(event) => {
        const data = new FormData(event.currentTarget);
        void form.handleSubmit(() => startTransition(() => action(data)))(event);
      }}
    >
      <input type="hidden" {...form.register("kind")} value={kind} />
      {failed?.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(failed.formError)}
        </p>
      )}
      <Row
        field="customerEmail"
        error={errorOf("customerEmail")}
        label={t("customerEmail")}
        hint={t("customerHint")}
      >
        <input
          type="email"
          list="known-customers"
          autoComplete="off"
          className={inputClass}
          {...control("customerEmail")}
        />
      </Row>
      <datalist id="known-customers">
        {suggestions.map((s) => (
          <option key={s.email} value={s.email}>
            {s.name}
          </option>
        ))}
      </datalist>
      <Row field="customerName" error={errorOf("customerName")} label={t("customerName")}>
        <input type="text" className={inputClass} {...control("customerName")} />
      </Row>
      <Row field="queueId" error={errorOf("queueId")} label={t("queue")}>
        <select className={inputClass} {...control("queueId")}>
          <option value="">{t("chooseQueue")}</option>
          {queues.map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </select>
      </Row>
      <Row field="subject" error={errorOf("subject")} label={t("subject")}>
        <input type="text" className={inputClass} {...control("subject")} />
      </Row>
      <Row
        field="body"
        error={errorOf("body")}
        label={kind === "phone" ? t("phoneBody") : t("emailBody")}
      >
        <textarea rows={8} className={inputClass} {...control("body")} />
      </Row>
      <div className="flex flex-wrap items-end gap-3">
        <Row field="state" error={errorOf("state")} label={t("state")}>
          <select className={inputClass} {...control("state")}>
            {SETTABLE_STATES.map((s) => (
              <option key={s} value={s}>
                {states(s)}
              </option>
            ))}
          </select>
        </Row>
        {isPending(state as TicketState) && (
          <Row
            field="pendingUntil"
            error={errorOf("pendingUntil")}
            label={t("pendingUntil")}
            hint={timeZone}
          >
            <input type="datetime-local" className={inputClass} {...control("pendingUntil")} />
          </Row>
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}
