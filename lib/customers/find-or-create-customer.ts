import { db } from "../db";
import { customerSearchText } from "./customer-search-text";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/**
 * The customer with this address (case-insensitive) or alias, created when new; a
 * missing name is filled in. Runs on its own, outside any ticket transaction:
 * when two requests create the same customer at once, the loser's insert fails
 * and it reads the winner's row (inside a PostgreSQL transaction that failure
 * would abort everything). A customer left without a ticket is harmless.
 */
export async function findOrCreateCustomer(input: { email: string; name?: string | null }) {
  const email = normaliseEmail(input.email);
  const name = input.name?.trim() ?? "";
  let customer =
    (await db.customer.findUnique({ where: { email } })) ??
    // An address merged into another record (lib/customers/merge-customers.ts) is that person.
    (await db.customerAlias.findUnique({ where: { address: email }, include: { customer: true } }))
      ?.customer ??
    null;
  if (!customer) {
    try {
      customer = await db.customer.create({
        data: { email, name, searchText: customerSearchText({ email, name }) },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      customer = await db.customer.findUniqueOrThrow({ where: { email } });
    }
  }
  if (name && !customer.name) {
    customer = await db.customer.update({
      where: { id: customer.id },
      data: { name, searchText: customerSearchText({ ...customer, name }) },
    });
  }
  return customer;
}
