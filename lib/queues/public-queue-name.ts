import type { Locale } from "../i18n/locales";

export interface PublicQueueNames {
  name: string;
  publicNameEn: string | null;
  publicNameDe: string | null;
}

/**
 * A queue's name as customers read it in their language: the public name for
 * that language, else the English public name, else the internal queue name.
 */
export function publicQueueName(queue: PublicQueueNames, locale: Locale): string {
  const own = locale === "de" ? queue.publicNameDe : queue.publicNameEn;
  return own?.trim() || queue.publicNameEn?.trim() || queue.name;
}
