/** Customer.searchText: address, name and organisation, lower-cased (portable search). */
export function customerSearchText(c: {
  email: string;
  name: string;
  organisation?: string | null;
}): string {
  return [c.email, c.name, c.organisation ?? ""].join(" ").toLowerCase();
}
