import { auditActor } from "@/lib/admin/audit-actor";
import { assertCanWrite } from "@/lib/api/authenticate";
import { adminApiRoute } from "@/lib/api/handle";
import { UserFacingError } from "@/lib/errors";
import { reprocessInboundAsAdmin } from "@/lib/mail/inbound/review-inbound-message";

export const dynamic = "force-dynamic";

/**
 * Admins only (404 otherwise; 403 with a read-only token): processes a failed inbound
 * message again, or re-reads a processed one in place; audited as "inbound.reprocess".
 */
export const POST = adminApiRoute<{ id: string }>(async ({ caller, params }) => {
  assertCanWrite(caller);
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new UserFacingError("Not found", "not_found");
  return Response.json(
    await reprocessInboundAsAdmin({ actor: auditActor(caller.agent, "api"), id }),
  );
});
