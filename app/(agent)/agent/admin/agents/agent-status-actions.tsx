"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { resetPasswordAction, setAgentActiveAction } from "./actions";

/** Deactivate/activate and password reset, each with its own answer (e.g. "last admin"). */
export function AgentStatusActions({ agentId, active }: { agentId: number; active: boolean }) {
  const t = useTranslations("adminPeople.agents");
  const errors = useTranslations("agentErrors");
  const [activeState, setActive, activePending] = useActionState(setAgentActiveAction, null);
  const [resetState, reset, resetPending] = useActionState(resetPasswordAction, null);
  const message = (state: typeof activeState | typeof resetState, ok: string) =>
    state &&
    (state.ok ? (
      <p role="status" className="text-sm text-green-800 dark:text-green-300">
        {ok}
      </p>
    ) : (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        {errors(state.formError ?? "invalid")}
      </p>
    ));
  return (
    <div className="flex flex-wrap gap-6">
      <form action={setActive} className="space-y-2">
        <input type="hidden" name="agentId" value={agentId} />
        <input type="hidden" name="active" value={active ? "false" : "true"} />
        <Button variant={active ? "danger" : "secondary"} disabled={activePending}>
          {active ? t("deactivate") : t("activate")}
        </Button>
        {message(activeState, t("statusChanged"))}
      </form>
      <form action={reset} className="space-y-2">
        <input type="hidden" name="agentId" value={agentId} />
        <Button variant="secondary" disabled={resetPending || !active}>
          {t("resetPassword")}
        </Button>
        {message(resetState, t("resetSent"))}
      </form>
    </div>
  );
}
