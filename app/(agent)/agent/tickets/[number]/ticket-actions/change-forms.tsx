"use client";

import { useActionState, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/run-agent-action";
import { TicketState } from "@/lib/generated/sqlite/enums";
import { isPending } from "@/lib/tickets/states";
import {
  assignAgentAction,
  changePriorityAction,
  changeStateAction,
  moveQueueAction,
} from "./actions";
import { ActionFeedback, boxClass, useFieldError } from "./action-feedback";

type FormAction = (
  previous: ActionResult<void> | null,
  data: FormData,
) => Promise<ActionResult<void>>;

const SETTABLE_STATES = Object.values(TicketState).filter((s) => s !== "merged");

/** One property's form: a labelled control (or two), Save, and the outcome. */
function ChangeForm({
  action,
  number,
  children,
}: {
  action: FormAction;
  number: string;
  children: (state: ActionResult<void> | null) => ReactNode;
}) {
  const t = useTranslations("ticketActions");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="number" value={number} />
      {children(state)}
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("change.save")}
      </Button>
      <ActionFeedback state={state} success={t("saved")} />
    </form>
  );
}

function Labelled({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="min-w-48 space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

/** State (with the pending time), priority, queue, owner and responsible: a form each. */
export function ChangeForms(props: {
  number: string;
  state: string;
  pendingUntil: string;
  timeZone: string;
  priority: number;
  queueId: number;
  queues: { id: number; name: string }[];
  agents: { email: string; name: string }[];
  owner: string;
  responsible: string;
}) {
  const t = useTranslations("ticketActions.change");
  const states = useTranslations("states");
  const zoom = useTranslations("zoom");
  const fieldError = useFieldError();
  const [state, setState] = useState(props.state);
  const { number } = props;
  return (
    <details className={boxClass}>
      <summary className="cursor-pointer font-semibold">{t("heading")}</summary>
      <div className="mt-3 space-y-4">
        <ChangeForm action={changeStateAction} number={number}>
          {(result) => {
            const failed = result && !result.ok ? result : null;
            const timeError = fieldError(failed?.fieldErrors?.pendingUntil);
            return (
              <>
                <Labelled
                  id="change-state"
                  label={t("state")}
                  error={fieldError(failed?.fieldErrors?.state)}
                >
                  <select
                    id="change-state"
                    name="state"
                    value={state}
                    onChange={(e) => setState(e.target.value)}
                    className={inputClass}
                  >
                    {SETTABLE_STATES.map((s) => (
                      <option key={s} value={s}>
                        {states(s)}
                      </option>
                    ))}
                  </select>
                </Labelled>
                {isPending(state as TicketState) && (
                  <Labelled id="change-pending" label={t("pendingUntil")} error={timeError}>
                    <input
                      id="change-pending"
                      type="datetime-local"
                      name="pendingUntil"
                      defaultValue={failed?.values?.pendingUntil ?? props.pendingUntil}
                      aria-invalid={timeError ? true : undefined}
                      aria-describedby={`change-pending-zone${timeError ? " change-pending-error" : ""}`}
                      className={inputClass}
                    />
                    <p
                      id="change-pending-zone"
                      className="text-xs text-zinc-600 dark:text-zinc-400"
                    >
                      {t("timeZone", { zone: props.timeZone })}
                    </p>
                  </Labelled>
                )}
              </>
            );
          }}
        </ChangeForm>
        <ChangeForm action={changePriorityAction} number={number}>
          {() => (
            <Labelled id="change-priority" label={t("priority")}>
              <select
                id="change-priority"
                name="priority"
                defaultValue={props.priority}
                className={inputClass}
              >
                {([1, 2, 3, 4, 5] as const).map((p) => (
                  <option key={p} value={p}>
                    {zoom(`priorities.${p}`)}
                  </option>
                ))}
              </select>
            </Labelled>
          )}
        </ChangeForm>
        <ChangeForm action={moveQueueAction} number={number}>
          {(result) => (
            <Labelled
              id="change-queue"
              label={t("queue")}
              error={fieldError(result && !result.ok ? result.fieldErrors?.queue : undefined)}
            >
              <select
                id="change-queue"
                name="queueId"
                defaultValue={props.queueId}
                className={inputClass}
              >
                {props.queues.map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.name}
                  </option>
                ))}
              </select>
            </Labelled>
          )}
        </ChangeForm>
        {(["owner", "responsible"] as const).map((role) => (
          <ChangeForm key={role} action={assignAgentAction} number={number}>
            {(result) => {
              const failed = result && !result.ok ? result : null;
              return (
                <Labelled
                  id={`change-${role}`}
                  label={t(role)}
                  error={fieldError(failed?.fieldErrors?.[role] ?? failed?.fieldErrors?.agent)}
                >
                  <input type="hidden" name="role" value={role} />
                  <select
                    id={`change-${role}`}
                    name="agent"
                    defaultValue={props[role]}
                    className={inputClass}
                  >
                    <option value="">{t("nobody")}</option>
                    {props.agents.map((a) => (
                      <option key={a.email} value={a.email}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </Labelled>
              );
            }}
          </ChangeForm>
        ))}
      </div>
    </details>
  );
}
