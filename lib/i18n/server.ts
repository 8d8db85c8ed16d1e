import "server-only";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

type T = Awaited<ReturnType<typeof getTranslations<never>>>;

/** `generateMetadata` for a page whose title comes from the catalogue. */
export function localizedTitle(pick: (t: T) => string) {
  return async (): Promise<Metadata> => ({ title: pick(await getTranslations()) });
}
