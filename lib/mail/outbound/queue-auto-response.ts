import { getSettings } from "../../settings/get-settings";
import type { Tx } from "../../db";
import { isLocale } from "../../i18n/locales";
import { isWithinRateLimit } from "../../rate-limit/hit";
import { enqueueMail } from "./enqueue-mail";
import type { AutoResponseEvent } from "./auto-response-events";

export interface AutoResponseTarget {
  ticketId: number;
  articleId: number;
  customer: {
    email: string;
    locale: string | null;
    bouncingAt: Date | null;
    isDeskAddress?: boolean;
  };
  queue: { id: number; autoResponse: boolean };
  /** Which text answers; default new_ticket. */
  event?: AutoResponseEvent;
}

/**
 * Queues the auto-response for `target.event` (default new_ticket) unless the queue sends
 * none, the address bounces or is the desk's own, or it already got its daily share of
 * automatic mail (loop guard, setting autoMailDailyCap). follow_up and reject have no
 * built-in text: they go out only while the queue has an active text for that event in
 * some language (OTRS "auto follow up" / "auto reject" are assigned per queue).
 * Returns whether a mail was queued.
 */
export async function queueAutoResponse(
  tx: Tx,
  target: AutoResponseTarget,
  now = new Date(),
): Promise<boolean> {
  const { customer } = target;
  const event = target.event ?? "new_ticket";
  if (!target.queue.autoResponse || customer.bouncingAt || customer.isDeskAddress) return false;
  if (
    event !== "new_ticket" &&
    !(await tx.autoResponse.count({ where: { queueId: target.queue.id, event, active: true } }))
  )
    return false;
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
    ...(event === "new_ticket" ? {} : { autoResponseEvent: event }),
  });
  return true;
}
