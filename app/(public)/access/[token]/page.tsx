import type { Metadata } from "next";
import { PortalPage } from "@/components/portal/portal-header";
import { Button } from "@/components/ui/button";
import { getTranslations } from "next-intl/server";
import { isWellFormedToken } from "@/lib/portal/tokens";
import { openLink } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  // No "no-referrer" here: browsers then send `Origin: null` with the form's
  // POST, which the server action refuses. The desk-wide "same-origin" policy
  // already keeps the token from other sites.
  return { title: t("portal.access.title"), robots: { index: false, follow: false } };
}

/**
 * The target of an access or sign-in link. Opening it (GET) only shows a
 * button: mail scanners that fetch links must not use up a single-use link,
 * and another site must not sign a visitor in to someone else's ticket. The
 * token is not even looked up here; the POST decides.
 */
export default async function AccessLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations();
  return (
    <PortalPage back={isWellFormedToken(token) ? `/access/${token}` : "/"}>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("portal.access.title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("portal.access.intro")}</p>
      <form action={openLink}>
        <input type="hidden" name="token" value={token} />
        <Button type="submit" className="w-full sm:w-auto">
          {t("portal.access.submit")}
        </Button>
      </form>
    </PortalPage>
  );
}
