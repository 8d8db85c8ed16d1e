import { db } from "../db";
import type { Locale } from "../i18n/locales";
import { publicQueueName } from "../queues/public-queue-name";

/**
 * Queues offered as topics on the request form: public and active, each named
 * in the customer's language (publicQueueName) and sorted by that name.
 */
export async function listTopics(locale: Locale): Promise<{ id: number; name: string }[]> {
  const queues = await db.queue.findMany({
    where: { isPublic: true, active: true },
    select: { id: true, name: true, publicNameEn: true, publicNameDe: true },
  });
  return queues
    .map((queue) => ({ id: queue.id, name: publicQueueName(queue, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
