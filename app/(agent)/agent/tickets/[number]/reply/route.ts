// The reply form's upload route (a route handler, not a server action, so the body streams
// with a byte cap: CONTRIBUTING.md "Uploads"). Keep it out of any proxy matcher (proxy.ts,
// SECURITY.md): the proxy would buffer the body first.
import { revalidatePath } from "next/cache";
import { scopeForAgent } from "@/lib/access/scope";
import { runAgentAction, type ActionFailure } from "@/lib/actions/run-agent-action";
import { getCurrentAgent } from "@/lib/auth/session";
import { HTTP_STATUS, UserFacingError } from "@/lib/errors";
import { isCrossOriginPost } from "@/lib/http/security-headers";
import { findWritableTicketId } from "@/lib/tickets/find-writable-ticket";
import { readReplyForm, sendReplyWithFiles } from "@/lib/tickets/receive-reply";
import { readReplyDraft, saveReplyDraft } from "@/lib/tickets/reply-drafts";
import { replySchema } from "@/lib/tickets/schemas";

type Context = { params: Promise<{ number: string }> };

const wantsJson = (req: Request) => (req.headers.get("accept") ?? "").includes("application/json");

/** Session and write permission first, then the streamed form, the shared schema, the reply. */
export async function POST(req: Request, { params }: Context) {
  // Outside the proxy, so the cross-site check it makes for pages is made here.
  if (isCrossOriginPost(req.method, req.headers)) return new Response(null, { status: 403 });
  const { number } = await params;
  const page = `/agent/tickets/${encodeURIComponent(number)}`;
  const answer = (status: number, location: string, body: object = { location }) =>
    wantsJson(req)
      ? Response.json(body, { status })
      : new Response(null, { status: 303, headers: { location } });

  // Before a byte of the body is read: who is asking, and may they write this ticket?
  const agent = await getCurrentAgent();
  if (!agent) return answer(401, "/login");
  const scope = await scopeForAgent(agent);
  const ticketId = await findWritableTicketId({ scope, number });
  if (!ticketId) {
    // Read-only or no access: the same "not found" either way.
    return wantsJson(req)
      ? Response.json({ ok: false, formError: "notFound" }, { status: 404 })
      : new Response(null, { status: 404 });
  }

  let failure: ActionFailure;
  let reselect: string[] = [];
  let originals: string | undefined;
  try {
    const { limits, input } = await readReplyForm(req, number);
    reselect = input.attachments.map((file) => file.name);
    originals = input.originalAttachments.join(",");
    const result = await runAgentAction(
      agent,
      { name: "sendReply", schema: replySchema(limits), run: sendReplyWithFiles },
      input,
    );
    if (result.ok) {
      revalidatePath(page);
      return answer(200, `${page}?sent=1#articles`);
    }
    failure = result;
    // Changed meanwhile: the page shows the fresh state (the new article) with the typed text.
    if (result.formError === "staleVersion") revalidatePath(page);
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    failure = { ok: false, formError: error.key === "bodyTooLarge" ? "bodyTooLarge" : "invalid" };
    const status = HTTP_STATUS[error.code];
    if (wantsJson(req)) return Response.json(failure, { status });
  }
  const status = failure.formError === "notFound" ? 404 : 422;
  if (wantsJson(req)) return Response.json({ ...failure, reselect }, { status });
  // Without JavaScript: keep what was typed (and why it was refused) as the agent's draft.
  // A body refused unread (too large) leaves the kept draft's text as it was.
  const kept = await readReplyDraft({ agentId: agent.id, ticketId });
  const values = failure.values ? { ...failure.values } : { ...kept?.values };
  delete (values as { number?: string }).number;
  // The original attachments ticked are kept with the draft (checkboxes, not files).
  if (originals !== undefined) values.originalAttachments = originals;
  await saveReplyDraft({
    scope,
    agentId: agent.id,
    number,
    draft: { values, fieldErrors: failure.fieldErrors, formError: failure.formError, reselect },
  });
  return answer(status, `${page}?draft=1#reply`);
}
