import type { Db, Tx } from "../db";

/**
 * Whether `address` (lower-cased) is the customer's: their address, or one
 * merged into their record (CustomerAlias). Mail from either is their own words.
 */
export async function isCustomerAddress(
  client: Db | Tx,
  customer: { id: number; email: string },
  address: string,
): Promise<boolean> {
  if (customer.email === address) return true;
  const alias = await client.customerAlias.findUnique({ where: { address } });
  return alias?.customerId === customer.id;
}
