import { getTranslations } from "next-intl/server";
import { findPasswordLink } from "@/lib/agents/password-links";
import { localizedTitle } from "@/lib/i18n/server";
import { SetPasswordForm } from "./set-password-form";

export const generateMetadata = localizedTitle((t) => t("adminPeople.setPassword.title"));

/** The page behind an invitation or password-reset link. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("adminPeople.setPassword");
  const link = await findPasswordLink(token);
  return (
    <main id="main" className="mx-auto max-w-sm px-4 py-16">
      <h1 className="mb-6 text-2xl font-bold">{t("title")}</h1>
      {link ? (
        <>
          <p className="mb-4 text-sm">{t("intro", { email: link.email })}</p>
          <SetPasswordForm token={token} />
        </>
      ) : (
        <p role="alert">{t("invalid")}</p>
      )}
    </main>
  );
}
