"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { testConnection } from "./actions";

/** "Test connection": signs in with the stored settings and says what the server answered. */
export function TestConnectionButton({ accountId }: { accountId: number }) {
  const t = useTranslations("mailAccounts");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(testConnection, null);
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="accountId" value={accountId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("testing") : t("testConnection")}
      </Button>
      {state?.ok && state.data.ok && (
        <p role="status" className="text-sm text-green-700 dark:text-green-400">
          {t("testOk", { count: state.data.messages ?? 0 })}
        </p>
      )}
      {state?.ok && !state.data.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("testFailed", { error: state.data.error ?? "" })}
        </p>
      )}
      {state && !state.ok && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(state.formError ?? "generic")}
        </p>
      )}
    </form>
  );
}
