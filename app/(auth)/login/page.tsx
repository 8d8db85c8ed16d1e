import { redirect } from "next/navigation";
import { LanguageSwitcher } from "@/components/language-switcher/language-switcher";
import { getTranslations } from "next-intl/server";
import { getCurrentAgent } from "@/lib/auth/session";
import { safeAgentCallback } from "@/lib/http/same-site-path";
import { localizedTitle } from "@/lib/i18n/server";
import { LoginForm } from "./login-form";

export const generateMetadata = localizedTitle((t) => t("login.title"));

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{
    callbackUrl?: string;
    error?: string;
    email?: string;
    passwordSet?: string;
  }>;
}) {
  // A session that ended (password reset, role change, deactivation) stays here.
  if (await getCurrentAgent()) redirect("/agent");
  const t = await getTranslations();
  const { callbackUrl, error, email, passwordSet } = await searchParams;
  return (
    <div className="mx-auto max-w-sm px-4 py-16">
      <div className="mb-6 flex justify-end">
        <LanguageSwitcher />
      </div>
      <main id="main">
        <h1 className="mb-6 text-2xl font-bold">{t("login.title")}</h1>
        {passwordSet && (
          <p role="status" className="mb-4 text-sm">
            {t("adminPeople.setPassword.done")}
          </p>
        )}
        <LoginForm
          callbackUrl={safeAgentCallback(callbackUrl)}
          initialError={error === "rate_limited" || error === "failed" ? error : undefined}
          initialEmail={email}
        />
      </main>
    </div>
  );
}
