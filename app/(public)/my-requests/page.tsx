import Link from "next/link";
import { PortalPage } from "@/components/portal/portal-header";
import { Button } from "@/components/ui/button";
import { config } from "@/lib/config";
import { getFormatter, getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { CustomerStateText } from "@/components/portal/customer-state-text";
import { listCustomerTickets } from "@/lib/portal/list-customer-tickets";
import { getCurrentCustomer } from "@/lib/portal/session-cookie";
import { signOut } from "./actions";
import { SignInForm } from "./sign-in-form";

export const generateMetadata = localizedTitle((t) => t("portal.myRequests.title"));

/** All of a signed-in customer's tickets, newest first; otherwise the sign-in form. */
export default async function MyRequestsPage() {
  const t = await getTranslations();
  const format = await getFormatter();
  const session = await getCurrentCustomer();
  if (!session || session.ticketId !== null) {
    return (
      <PortalPage back="/my-requests">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("portal.myRequests.title")}</h1>
        <p className="text-zinc-600 dark:text-zinc-400">{t("portal.myRequests.intro")}</p>
        <SignInForm minutes={config.portalMagicLinkMinutes} />
      </PortalPage>
    );
  }
  const tickets = await listCustomerTickets({ session });
  const m = await getTranslations("portal.myRequests");
  return (
    <PortalPage back="/my-requests">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold sm:text-3xl">{m("title")}</h1>
        <form action={signOut} className="flex items-center gap-3 text-sm">
          <span className="text-zinc-600 dark:text-zinc-400">
            {m("signedInAs", { email: session.email })}
          </span>
          <Button type="submit" variant="secondary">
            {m("signOut")}
          </Button>
        </form>
      </div>
      {tickets.length === 0 ? (
        <p>{m("empty")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {tickets.map((ticket) => (
            <li key={ticket.number} data-testid="my-ticket" className="p-4">
              <Link
                href={`/tickets/${ticket.number}`}
                className="font-medium text-blue-700 underline dark:text-blue-400"
              >
                {ticket.title}
              </Link>
              <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-600 dark:text-zinc-400">
                <div className="flex gap-1">
                  <dt>{m("number")}:</dt>
                  <dd className="font-mono">{ticket.number}</dd>
                </div>
                <div className="flex gap-1">
                  <dt>{m("state")}:</dt>
                  <dd>
                    <CustomerStateText ticket={ticket} t={t} />
                  </dd>
                </div>
                <div className="flex gap-1">
                  <dt>{m("lastActivity")}:</dt>
                  <dd>
                    <time dateTime={ticket.lastActivityAt.toISOString()}>
                      {format.dateTime(ticket.lastActivityAt, "short")}
                    </time>
                  </dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </PortalPage>
  );
}
