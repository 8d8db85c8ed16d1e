// next-intl's per-request configuration (found by the plugin in next.config.ts).
// No locale in the URL: the locale comes from the cookie or the browser (see CONTRIBUTING.md).
import { getRequestConfig } from "next-intl/server";
import { catalogues } from "@/lib/i18n/catalogues";
import { formats } from "@/lib/i18n/formats";
import { resolveRequestLocale } from "@/lib/i18n/request-locale";
import { getSettings } from "@/lib/settings/get-settings";

export default getRequestConfig(async () => {
  const { defaultLocale, timeZone } = await getSettings();
  const locale = await resolveRequestLocale(defaultLocale);
  return { locale, messages: catalogues[locale], formats, timeZone };
});
