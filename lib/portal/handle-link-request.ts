import { config } from "../config";
import { db, transaction } from "../db";
import type { LinkRequestPayload } from "../jobs/job-types";
import type { JobContext } from "../jobs/worker";
import { mailCustomerLink, type CustomerLinkInput } from "./mail-customer-link";

/** The link to mail for a request, or null when the number and address do not belong together. */
async function findLinkFor(
  request: LinkRequestPayload,
  now: Date,
): Promise<CustomerLinkInput | null> {
  // The payload schema guarantees a non-empty address (and number): an absent field would
  // drop its condition from the query and match too much.
  const { locale } = request;
  if (request.kind === "access") {
    const ticket = await db.ticket.findFirst({
      where: { number: request.number, customer: { email: request.email } },
      include: { customer: true },
    });
    if (!ticket) return null;
    return {
      kind: "access",
      customer: ticket.customer,
      ticket,
      lifetimeMs: config.portalAccessLinkDays * 86_400_000,
      locale,
      now,
    };
  }
  const customer = await db.customer.findUnique({ where: { email: request.email } });
  if (!customer) return null;
  return {
    kind: "magic",
    customer,
    lifetimeMs: config.portalMagicLinkMinutes * 60_000,
    locale,
    now,
  };
}

/**
 * Job handler for "portal.link-request" (status lookup, "my requests"
 * sign-in): on a match, a new token and the mail with its link, committed with
 * the job's completion. The address and number leave the job once handled, so
 * the job table keeps no record of who asked for what.
 */
export async function handleLinkRequest(request: LinkRequestPayload, ctx: JobContext) {
  const link = await findLinkFor(request, ctx.now);
  await transaction(async (tx) => {
    if (link) await mailCustomerLink(link, tx);
    // Without the lease another worker owns the job: roll back rather than mail twice.
    if (!(await ctx.complete(tx, { kind: request.kind }))) {
      throw new Error("lease lost before completion");
    }
  });
}
