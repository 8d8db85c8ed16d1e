import { attachmentResponse } from "@/lib/http/attachment-response";
import { getCustomerAttachment } from "@/lib/portal/get-customer-attachment";
import { getCurrentCustomer } from "@/lib/portal/session-cookie";

export const dynamic = "force-dynamic";

/** Downloads an attachment of a customer-visible article of the session's ticket; else 404. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ number: string; id: string }> },
) {
  const { number, id } = await params;
  const session = await getCurrentCustomer();
  return attachmentResponse(
    session ? await getCustomerAttachment({ session, number, attachmentId: Number(id) }) : null,
  );
}
