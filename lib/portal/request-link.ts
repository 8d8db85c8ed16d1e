import { normaliseEmail } from "../customers/find-or-create-customer";
import { getSettings } from "../settings/get-settings";
import { transaction } from "../db";
import { enqueue } from "../jobs/enqueue";
import type { LinkRequestPayload } from "../jobs/job-types";
import { checkRateLimits } from "./check-rate-limits";

export type { LinkRequestPayload };

/**
 * Counts the request against the rate limits and queues it. Whether anything
 * matches is decided later by the job (handleLinkRequest): every request does
 * the same work here, so neither the answer nor its timing tells a match apart.
 */
export async function requestLink(options: {
  request: LinkRequestPayload;
  ip: string;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  const request = { ...options.request, email: normaliseEmail(options.request.email) };
  const settings = await getSettings();
  await checkRateLimits({
    scope: "portal-link",
    ip: options.ip,
    email: request.email,
    perIp: settings.portalLinksPerIpHour,
    perAddress: settings.portalLinksPerAddressHour,
    now,
  });
  await transaction((tx) =>
    enqueue(tx, { type: "portal.link-request", payload: request, runAt: now }),
  );
}
