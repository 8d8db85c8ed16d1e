// The message catalogues (messages/<locale>.json), one per supported locale.
import de from "../../messages/de.json";
import en from "../../messages/en.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

export const catalogues: Record<Locale, Messages> = { en, de };
