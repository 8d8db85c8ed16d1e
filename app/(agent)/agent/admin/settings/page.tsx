import { getTranslations } from "next-intl/server";
import { requireAdmin } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { DEFAULT_ATTACHMENT_EXTENSIONS } from "@/lib/portal/attachment-policy";
import { describeEnvironment } from "@/lib/settings/describe-environment";
import { getSettings } from "@/lib/settings/get-settings";
import { SettingsForm } from "./settings-form";

export const generateMetadata = localizedTitle((t) => t("adminDesk.settings.title"));

export default async function SettingsPage() {
  await requireAdmin();
  const t = await getTranslations("adminDesk.settings");
  const settings = await getSettings();
  const initial = Object.fromEntries(
    Object.entries(settings).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(", ") : String(value),
    ]),
  );
  const environment = describeEnvironment();
  const row = "grid gap-1 border-b border-zinc-100 py-2 sm:grid-cols-3 dark:border-zinc-900";
  return (
    <div className="max-w-3xl space-y-8">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <SettingsForm initial={initial} known={DEFAULT_ATTACHMENT_EXTENSIONS.join(", ")} />

      <section className="space-y-3" aria-labelledby="environment-heading">
        <h2 id="environment-heading" className="text-lg font-semibold">
          {t("environment")}
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("environmentIntro")}</p>
        <dl className="text-sm">
          <div className={row}>
            <dt className="font-medium">{t("database")}</dt>
            <dd className="sm:col-span-2">
              {t("databaseKind", { kind: environment.databaseKind })}
            </dd>
          </div>
          <div className={row}>
            <dt className="font-medium">{t("systemId")}</dt>
            <dd className="font-mono sm:col-span-2">{environment.systemId}</dd>
          </div>
          <div className={row}>
            <dt className="font-medium">{t("mailProvider")}</dt>
            <dd className="sm:col-span-2">
              {t("mailProviderValue", { provider: environment.mailProvider })}
            </dd>
          </div>
          <div className={row}>
            <dt className="font-medium">{t("mailFrom")}</dt>
            <dd className="font-mono sm:col-span-2">{environment.mailFrom}</dd>
          </div>
          <div className={row}>
            <dt className="font-medium">{t("verifiedDomains")}</dt>
            <dd className="font-mono sm:col-span-2">{environment.verifiedDomains.join(", ")}</dd>
          </div>
        </dl>
        <h3 className="font-semibold">{t("endpoints")}</h3>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-zinc-200 dark:border-zinc-800">
              <th className="py-2 pr-3">{t("endpoint")}</th>
              <th className="py-2 pr-3">{t("url")}</th>
              <th className="py-2">{t("secret")}</th>
            </tr>
          </thead>
          <tbody>
            {environment.endpoints.map((endpoint) => (
              <tr
                key={endpoint.name}
                className="border-b border-zinc-100 align-top dark:border-zinc-900"
              >
                <td className="py-2 pr-3">{t("endpointNames", { name: endpoint.name })}</td>
                <td className="break-all py-2 pr-3 font-mono text-xs">{endpoint.url}</td>
                <td className="py-2">{t("secretState", { isSet: String(endpoint.secretSet) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
