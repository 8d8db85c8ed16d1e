import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireAgentScope } from "@/lib/auth/session";
import { findCustomerForAdmin } from "@/lib/customers/manage-customers";
import { localizedTitle } from "@/lib/i18n/server";
import { CustomerForms } from "../customer-forms";

export const generateMetadata = localizedTitle((t) => t("adminPeople.customers.title"));

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const { scope } = await requireAgentScope();
  const customer =
    Number.isInteger(id) && id > 0 ? await findCustomerForAdmin({ scope, customerId: id }) : null;
  if (!customer) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold">
          {customer.erasedAt ? t("adminPeople.customers.erased") : customer.email}
        </h1>
        {customer.aliases.length > 0 && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t("adminPeople.customers.aliases", {
              addresses: customer.aliases.map((a) => a.address).join(", "),
            })}
          </p>
        )}
      </div>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("adminPeople.customers.ticketsTitle")}</h2>
        {customer.tickets.length === 0 ? (
          <p className="text-sm">{t("adminPeople.customers.noTickets")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {customer.tickets.map((ticket) => (
              <li key={ticket.number}>
                <Link
                  href={`/agent/tickets/${ticket.number}`}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                >
                  {ticket.number}
                </Link>{" "}
                {ticket.title} · {ticket.queue.name} · {t(`states.${ticket.state}`)} ·{" "}
                {format.dateTime(ticket.createdAt, "day")}
              </li>
            ))}
          </ul>
        )}
      </section>
      {!customer.erasedAt && (
        <>
          <section className="space-y-2">
            <h2 className="text-lg font-semibold">{t("adminPeople.customers.exportTitle")}</h2>
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {t("adminPeople.customers.exportIntro")}
            </p>
            <form method="post" action={`/agent/admin/customers/${customer.id}/export`}>
              <Button variant="secondary">{t("adminPeople.customers.export")}</Button>
            </form>
          </section>
          <CustomerForms
            customer={{
              id: customer.id,
              email: customer.email,
              name: customer.name,
              organisation: customer.organisation ?? "",
            }}
          />
        </>
      )}
    </div>
  );
}
