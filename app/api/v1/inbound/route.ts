import { z } from "zod";
import { apiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { UserFacingError } from "@/lib/errors";
import { listInboundMessages } from "@/lib/mail/inbound/list-inbound-messages";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  status: z.enum(["received", "processed", "duplicate", "ignored", "failed"]).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** Admins only: inbound deliveries for review, e.g. `?status=failed`. */
export const GET = apiRoute(async ({ req, caller }) => {
  if (caller.agent.role !== "admin")
    throw new UserFacingError("Only admins may list inbound mail", "forbidden");
  const query = parseWith(querySchema, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listInboundMessages(query));
});
