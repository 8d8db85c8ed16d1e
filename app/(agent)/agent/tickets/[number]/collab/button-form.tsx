"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/run-agent-action";
import { ActionMessage } from "./action-message";

/** One button that posts hidden fields (lock, unlock, unlink, split) and shows why it was refused. */
export function ButtonForm<T>({
  action,
  fields,
  label,
  variant = "secondary",
}: {
  action: (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;
  fields: Record<string, string | number>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} className="px-3 py-1">
        {label}
      </Button>
      <ActionMessage state={state} />
    </form>
  );
}
