import { z } from "zod";
import { adminApiRoute } from "@/lib/api/handle";
import { parseWith } from "@/lib/api/respond";
import { listInboundMessages } from "@/lib/mail/inbound/list-inbound-messages";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  status: z.enum(["received", "processed", "duplicate", "ignored", "failed"]).optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** Admins only (404 otherwise): inbound deliveries for review, e.g. `?status=failed`. */
export const GET = adminApiRoute(async ({ req }) => {
  const query = parseWith(querySchema, Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listInboundMessages(query));
});
