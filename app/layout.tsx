import type { Metadata } from "next";
import { cookies } from "next/headers";
import { connection } from "next/server";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { THEME_COOKIE, isTheme, themeClass } from "@/lib/ui/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: { default: t("app.name"), template: `%s · ${t("app.name")}` } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request: its scripts must carry this request's CSP
  // nonce (proxy.ts); a prerendered page would carry none and be blocked.
  await connection();
  const locale = await getLocale();
  const t = await getTranslations();
  const theme = (await cookies()).get(THEME_COOKIE)?.value;
  const themed = isTheme(theme) ? themeClass(theme) : "";
  return (
    <html lang={locale} className={`${GeistSans.variable} ${GeistMono.variable} ${themed}`.trim()}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-blue-600 focus:px-3 focus:py-2 focus:text-white"
        >
          {t("app.skipToContent")}
        </a>
        {/* Locale, messages, formats and time zone reach client components from i18n/request.ts. */}
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
