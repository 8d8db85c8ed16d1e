"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useTranslations } from "next-intl";

export type LoginError = "failed" | "rate_limited";

/**
 * Posts to the sign-in route (/login/submit). Without JavaScript the browser
 * follows its 303; with it, the form sends the same body with fetch and shows a
 * refusal (401, or 429 when rate-limited) without leaving the page.
 */
export function LoginForm({
  callbackUrl,
  initialError,
  initialEmail,
}: {
  callbackUrl: string;
  initialError?: LoginError;
  initialEmail?: string;
}) {
  const t = useTranslations("login");
  const [error, setError] = useState<LoginError | undefined>(initialError);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const body = new URLSearchParams();
      for (const [name, value] of new FormData(event.currentTarget))
        if (typeof value === "string") body.append(name, value);
      const res = await fetch("/login/submit", {
        method: "POST",
        headers: { Accept: "application/json" },
        body,
      });
      const answer = (await res.json()) as { redirectTo?: string; error?: LoginError };
      if (res.ok && answer.redirectTo) {
        window.location.assign(answer.redirectTo);
        return;
      }
      setError(answer.error === "rate_limited" ? "rate_limited" : "failed");
    } catch {
      setError("failed");
    }
    setPending(false);
  }

  return (
    <form method="post" action="/login/submit" onSubmit={submit} className="space-y-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {error && (
        <p
          role="alert"
          className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error === "rate_limited" ? t("rateLimited") : t("failed")}
        </p>
      )}
      <Field
        id="email"
        name="email"
        type="email"
        label={t("email")}
        autoComplete="username"
        required
        defaultValue={initialEmail}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label={t("password")}
        autoComplete="current-password"
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
