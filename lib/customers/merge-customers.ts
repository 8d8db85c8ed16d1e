import "server-only";
import { recordAudit, type AuditActor } from "../admin/record-audit";
import { transaction } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import { customerSearchText } from "./customer-search-text";
import { refreshTicketSearchText } from "./manage-customers";

/**
 * Merges two records of one person: the record at `otherEmail` is folded into
 * `customerId`. Its tickets, articles, tokens and merged addresses move over;
 * its address becomes an alias (CustomerAlias) of the kept record, so later
 * mail from it maps to the person (findOrCreateCustomer); an empty name or
 * organisation is taken over; the removed record is deleted. One transaction
 * with audit "customer.merge" (the aliases, name, organisation: old → new).
 * Throws `notFound` (either record, or erased), `invalid` (the same record).
 */
export async function mergeCustomers(options: {
  actor: AuditActor;
  customerId: number;
  otherEmail: string;
}) {
  return transaction(async (tx) => {
    const keep = await tx.customer.findUnique({
      where: { id: options.customerId },
      include: { aliases: true },
    });
    const other = await tx.customer.findUnique({
      where: { email: options.otherEmail.trim().toLowerCase() },
      include: { aliases: true },
    });
    if (!keep || keep.erasedAt) throw new NotFoundError("Customer not found");
    if (!other || other.erasedAt)
      throw new UserFacingError(
        "No such customer",
        "not_found",
        { otherEmail: ["unknown"] },
        "notFound",
      );
    if (other.id === keep.id)
      throw new UserFacingError(
        "The same customer",
        "validation",
        { otherEmail: ["same"] },
        "invalid",
      );

    await tx.ticket.updateMany({ where: { customerId: other.id }, data: { customerId: keep.id } });
    await tx.article.updateMany({
      where: { authorCustomerId: other.id },
      data: { authorCustomerId: keep.id },
    });
    await tx.customerToken.updateMany({
      where: { customerId: other.id },
      data: { customerId: keep.id },
    });
    await tx.customerAlias.updateMany({
      where: { customerId: other.id },
      data: { customerId: keep.id },
    });
    await tx.customer.delete({ where: { id: other.id } });
    await tx.customerAlias.create({ data: { address: other.email, customerId: keep.id } });
    const name = keep.name || other.name;
    const organisation = keep.organisation || other.organisation;
    const aliases = [
      ...keep.aliases.map((a) => a.address),
      ...other.aliases.map((a) => a.address),
      other.email,
    ].sort();
    await tx.customer.update({
      where: { id: keep.id },
      data: {
        name,
        organisation,
        searchText: customerSearchText({ email: keep.email, name, organisation }),
      },
    });
    await refreshTicketSearchText(tx, keep.id);
    await recordAudit(tx, {
      actor: options.actor,
      action: "customer.merge",
      objectType: "customer",
      objectId: keep.id,
      objectName: keep.email,
      before: {
        aliases: keep.aliases.map((a) => a.address).sort(),
        name: keep.name,
        organisation: keep.organisation,
        mergedCustomer: null,
      },
      after: { aliases, name, organisation, mergedCustomer: `${other.email} (#${other.id})` },
    });
    return { keptId: keep.id, removedEmail: other.email };
  });
}
