import Link from "next/link";
import type { TicketState } from "@/lib/generated/sqlite/enums";
import { describeCustomerState, type CatalogueTranslator } from "@/lib/portal/customer-state";

/**
 * A ticket's state in the customer's words; a merged ticket names its target,
 * as a link when the customer's session may open it.
 */
export function CustomerStateText({
  ticket,
  t,
}: {
  ticket: { state: TicketState; mergedInto: { number: string; isVisible: boolean } | null };
  t: CatalogueTranslator;
}) {
  const text = describeCustomerState(ticket, t);
  const target = ticket.mergedInto;
  if (ticket.state !== "merged" || !target?.isVisible) return <>{text}</>;
  return (
    <Link href={`/tickets/${target.number}`} className="text-blue-700 underline dark:text-blue-400">
      {text}
    </Link>
  );
}
