import { apiRoute } from "@/lib/api/handle";
import { UserFacingError } from "@/lib/errors";
import { reprocessInboundMessage } from "@/lib/mail/inbound/reprocess-inbound-message";

export const dynamic = "force-dynamic";

/** Admins only: processes a failed inbound message again, or re-reads a processed one in place. */
export const POST = apiRoute<{ id: string }>(async ({ caller, params }) => {
  if (caller.agent.role !== "admin" || caller.readOnly)
    throw new UserFacingError("Only admins may re-process inbound mail", "forbidden");
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) throw new UserFacingError("Not found", "not_found");
  return Response.json(await reprocessInboundMessage(id));
});
