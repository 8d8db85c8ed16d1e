import { auditActor } from "@/lib/admin/audit-actor";
import { getCurrentAgent } from "@/lib/auth/session";
import { exportCustomerData } from "@/lib/customers/export-customer-data";
import { UserFacingError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * Admins only (others: 404): a customer's data as a JSON download (GDPR Art. 15),
 * audited as "customer.export". POST, so a link or image elsewhere cannot start it.
 */
export async function POST(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const agent = await getCurrentAgent();
  if (agent?.role !== "admin") return notFound();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) return notFound();
  try {
    const data = await exportCustomerData({ actor: auditActor(agent), customerId: id });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="customer-${id}.json"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store, no-transform",
      },
    });
  } catch (error) {
    if (error instanceof UserFacingError) return notFound();
    throw error;
  }
}
