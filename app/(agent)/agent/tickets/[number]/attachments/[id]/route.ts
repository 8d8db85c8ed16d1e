import { scopeForAgent } from "@/lib/access/scope";
import { findAgentAttachment } from "@/lib/articles/find-agent-attachment";
import { getCurrentAgent } from "@/lib/auth/session";
import { attachmentResponse } from "@/lib/http/attachment-response";

export const dynamic = "force-dynamic";

/** Downloads an attachment of a ticket the signed-in agent may read; else 404 (also signed out). */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ number: string; id: string }> },
) {
  const { number, id } = await params;
  const agent = await getCurrentAgent();
  if (!agent) return attachmentResponse(null);
  const scope = await scopeForAgent(agent);
  return attachmentResponse(await findAgentAttachment({ scope, number, attachmentId: Number(id) }));
}
