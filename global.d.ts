// Typed keys and arguments for next-intl: messages/en.json is the reference catalogue.
import type en from "./messages/en.json";
import type { formats } from "./lib/i18n/formats";
import type { Locale } from "./lib/i18n/locales";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
    Formats: typeof formats;
  }
}
