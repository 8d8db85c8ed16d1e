import "server-only";
import { readableTickets, type Scope } from "../access/scope";
import { recordAudit, type AuditActor } from "../admin/record-audit";
import { db, transaction, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { buildSearchText } from "../tickets/create-ticket";
import { customerSearchText } from "./customer-search-text";

export const CUSTOMERS_PER_PAGE = 25;

/**
 * Customers for the admin list, by address; `q` matches address (also a merged
 * one), name and organisation, case-insensitively. Paginated by page number
 * (1-based); `hasMore` tells whether a next page exists.
 */
export async function listCustomers(input: { q?: string; page?: number }) {
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const q = input.q?.trim().toLowerCase();
  const rows = await db.customer.findMany({
    where: q
      ? {
          OR: [
            { searchText: { contains: q } },
            { aliases: { some: { address: { contains: q } } } },
          ],
        }
      : {},
    orderBy: { email: "asc" },
    skip: (page - 1) * CUSTOMERS_PER_PAGE,
    take: CUSTOMERS_PER_PAGE + 1,
    select: {
      id: true,
      email: true,
      name: true,
      organisation: true,
      erasedAt: true,
      _count: { select: { tickets: true } },
    },
  });
  return {
    customers: rows.slice(0, CUSTOMERS_PER_PAGE),
    page,
    hasMore: rows.length > CUSTOMERS_PER_PAGE,
  };
}

/** One customer with merged addresses and the tickets the scope may read (newest first). */
export async function findCustomerForAdmin(options: { scope: Scope; customerId: number }) {
  return db.customer.findUnique({
    where: { id: options.customerId },
    include: {
      aliases: { orderBy: { address: "asc" } },
      tickets: {
        where: readableTickets(options.scope),
        orderBy: { id: "desc" },
        take: 200,
        select: {
          number: true,
          title: true,
          state: true,
          createdAt: true,
          queue: { select: { name: true } },
        },
      },
    },
  });
}

/** Ticket.searchText of the customer's tickets after a change of address or name. */
export async function refreshTicketSearchText(tx: Tx, customerId: number): Promise<void> {
  const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
  const tickets = await tx.ticket.findMany({
    where: { customerId },
    select: { id: true, number: true, title: true },
  });
  for (const ticket of tickets) {
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        searchText: buildSearchText([ticket.number, ticket.title, customer.email, customer.name]),
      },
    });
  }
}

/** Sets a customer's name and organisation (audit "customer.update"). Throws `notFound`. */
export async function updateCustomer(options: {
  actor: AuditActor;
  customerId: number;
  name: string;
  organisation: string;
}) {
  return transaction(async (tx) => {
    const before = await tx.customer.findUnique({ where: { id: options.customerId } });
    if (!before || before.erasedAt) throw new NotFoundError("Customer not found");
    const organisation = options.organisation || null;
    const after = await tx.customer.update({
      where: { id: before.id },
      data: {
        name: options.name,
        organisation,
        searchText: customerSearchText({ ...before, name: options.name, organisation }),
      },
    });
    if (before.name !== after.name) await refreshTicketSearchText(tx, before.id);
    await recordAudit(tx, {
      actor: options.actor,
      action: "customer.update",
      objectType: "customer",
      objectId: before.id,
      objectName: before.email,
      before: { name: before.name, organisation: before.organisation },
      after: { name: after.name, organisation: after.organisation },
    });
    return after;
  });
}
