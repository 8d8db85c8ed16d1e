import { getSettings } from "../../settings/get-settings";
import type { Tx } from "../../db";
import { isLocale } from "../../i18n/locales";
import { isWithinRateLimit } from "../../rate-limit/hit";
import { enqueueMail } from "./enqueue-mail";

export interface AutoResponseTarget {
  ticketId: number;
  articleId: number;
  customer: {
    email: string;
    locale: string | null;
    bouncingAt: Date | null;
    isDeskAddress?: boolean;
  };
  queue: { autoResponse: boolean };
}

/**
 * Queues the new-ticket auto-response unless the queue has none, the address
 * bounces or is the desk's own, or it already got its daily share of automatic mail (loop guard).
 * Returns whether a mail was queued.
 */
export async function queueAutoResponse(
  tx: Tx,
  target: AutoResponseTarget,
  now = new Date(),
): Promise<boolean> {
  const { customer } = target;
  if (!target.queue.autoResponse || customer.bouncingAt || customer.isDeskAddress) return false;
  if (
    !(await isWithinRateLimit(
      tx,
      "auto-mail",
      customer.email,
      (await getSettings()).autoMailDailyCap,
      86_400,
      now,
    ))
  )
    return false;
  await enqueueMail(tx, {
    kind: "auto-response",
    to: customer.email,
    locale: isLocale(customer.locale) ? customer.locale : undefined,
    ticketId: target.ticketId,
    articleId: target.articleId,
  });
  return true;
}
