import { getSettings } from "../../settings/get-settings";
import type { Tx } from "../../db";
import { isLocale } from "../../i18n/locales";
import { hitRateLimits } from "../../rate-limit/hit";
import { enqueueMails } from "./enqueue-mail";
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
  return (await queueAutoResponses(tx, [target], now))[0];
}

/**
 * `queueAutoResponse` for several targets at once (a batch of new tickets), with the same
 * rules, in order: an address that comes twice counts twice against its daily cap. One
 * rate-limit statement and one job insert for the whole batch. Returns, per target,
 * whether a mail was queued.
 */
export async function queueAutoResponses(
  tx: Tx,
  targets: AutoResponseTarget[],
  now = new Date(),
): Promise<boolean[]> {
  const queued = targets.map(() => false);
  const hasText = new Map<string, boolean>();
  const candidates: number[] = [];
  for (const [i, { customer, queue, event = "new_ticket" }] of targets.entries()) {
    if (!queue.autoResponse || customer.bouncingAt || customer.isDeskAddress) continue;
    if (event !== "new_ticket") {
      const key = `${queue.id}:${event}`;
      if (!hasText.has(key))
        hasText.set(
          key,
          (await tx.autoResponse.count({ where: { queueId: queue.id, event, active: true } })) > 0,
        );
      if (!hasText.get(key)) continue;
    }
    candidates.push(i);
  }
  if (candidates.length === 0) return queued;
  const cap = (await getSettings()).autoMailDailyCap;
  const counts = await hitRateLimits(
    tx,
    "auto-mail",
    candidates.map((i) => targets[i].customer.email),
    86_400,
    now,
  );
  const sending = candidates.filter((_, k) => counts[k] <= cap);
  await enqueueMails(
    tx,
    sending.map((i) => {
      const { customer, event = "new_ticket", ticketId, articleId } = targets[i];
      queued[i] = true;
      return {
        kind: "auto-response" as const,
        to: customer.email,
        locale: isLocale(customer.locale) ? customer.locale : undefined,
        ticketId,
        articleId,
        ...(event === "new_ticket" ? {} : { autoResponseEvent: event }),
      };
    }),
  );
  return queued;
}
