import { db, insertRows } from "../db";
import { customerSearchText } from "./customer-search-text";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

type Customer = Awaited<ReturnType<typeof db.customer.findUniqueOrThrow>>;

/**
 * The customer with this address (case-insensitive) or alias, created when new; a
 * missing name is filled in. Runs on its own, outside any ticket transaction:
 * when two requests create the same customer at once, the loser's insert fails
 * and it reads the winner's row (inside a PostgreSQL transaction that failure
 * would abort everything). A customer left without a ticket is harmless.
 */
export async function findOrCreateCustomer(input: { email: string; name?: string | null }) {
  return (await findOrCreateCustomers([input]))[0];
}

/**
 * `findOrCreateCustomer` for several addresses at once (a batch of new tickets), one
 * customer per input in order; an address given twice is one customer. Reads by address
 * and by alias and creates the missing ones with one statement each, not one per address.
 * The first non-empty name given for an address fills a missing name.
 */
export async function findOrCreateCustomers(
  inputs: { email: string; name?: string | null }[],
): Promise<Customer[]> {
  const emails = inputs.map((input) => normaliseEmail(input.email));
  const names = new Map<string, string>();
  inputs.forEach((input, i) => {
    const name = input.name?.trim() ?? "";
    if (name && !names.get(emails[i])) names.set(emails[i], name);
  });
  const found = new Map<string, Customer>();
  const missing = () => [...new Set(emails)].filter((email) => !found.has(email));
  const readByAddress = async (addresses: string[]) => {
    for (const c of await db.customer.findMany({ where: { email: { in: addresses } } }))
      found.set(c.email, c);
  };
  await readByAddress(missing());
  if (missing().length > 0) {
    // An address merged into another record (lib/customers/merge-customers.ts) is that person.
    const aliases = await db.customerAlias.findMany({
      where: { address: { in: missing() } },
      select: { address: true, customerId: true },
    });
    if (aliases.length > 0) {
      const owners = await db.customer.findMany({
        where: { id: { in: aliases.map((alias) => alias.customerId) } },
      });
      for (const alias of aliases)
        found.set(
          alias.address,
          owners.find((c) => c.id === alias.customerId)!,
        );
    }
  }
  for (let attempt = 1; missing().length > 0; attempt++) {
    const data = missing().map((email) => {
      const name = names.get(email) ?? "";
      return { email, name, searchText: customerSearchText({ email, name }) };
    });
    try {
      const created = await insertRows(data, {
        one: (row) => db.customer.create({ data: row }),
        many: (rows) => db.customer.createManyAndReturn({ data: rows }),
      });
      for (const c of created) found.set(c.email, c);
    } catch (error) {
      // Another request created one of them meanwhile: read the winners' rows and go on.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
      await readByAddress(missing());
    }
  }
  for (const [email, name] of names) {
    const customer = found.get(email)!;
    if (customer.name) continue;
    const updated = await db.customer.update({
      where: { id: customer.id },
      data: { name, searchText: customerSearchText({ ...customer, name }) },
    });
    for (const [address, c] of found) if (c.id === updated.id) found.set(address, updated);
  }
  return emails.map((email) => found.get(email)!);
}
