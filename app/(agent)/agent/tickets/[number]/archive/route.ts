import { scopeForAgent } from "@/lib/access/scope";
import { getCurrentAgent } from "@/lib/auth/session";
import { resolveRequestLocale } from "@/lib/i18n/request-locale";
import { isLocale } from "@/lib/i18n/locales";
import { getSettings } from "@/lib/settings/get-settings";
import { archiveLabels } from "@/lib/tickets/archive/archive-labels";
import { loadTicketArchive } from "@/lib/tickets/archive/ticket-archive-entries";
import { zipEntries } from "@/lib/tickets/archive/zip-entries";

export const dynamic = "force-dynamic";

const notFound = () =>
  new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * The whole ticket as one zip, streamed (issue 16, "keep the record"): original
 * inbound mail, rebuilt outgoing mail, notes, attachments, history. Agent
 * session and queue scope are checked in every query; no session or no access
 * answers 404, as if the ticket did not exist.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ number: string }> }) {
  const agent = await getCurrentAgent();
  if (!agent) return notFound();
  const scope = await scopeForAgent(agent);
  const locale =
    agent.locale && isLocale(agent.locale) ? agent.locale : await resolveRequestLocale();
  const archive = await loadTicketArchive({
    scope,
    number: (await params).number,
    labels: archiveLabels(locale, (await getSettings()).timeZone),
  });
  if (!archive) return notFound();
  return new Response(zipEntries(archive.entries), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="ticket-${archive.number}.zip"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Cache-Control": "private, no-store, no-transform",
    },
  });
}
