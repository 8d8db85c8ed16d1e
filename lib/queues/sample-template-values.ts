import { config } from "../config";
import type { TemplateValues } from "./template-variables";

/** Sample values for the admin pages' previews of texts with variables (names from the catalogue). */
export function sampleTemplateValues(names: {
  customerName: string;
  title: string;
}): TemplateValues {
  return {
    "ticket.number": `20261130${config.systemId}000421`,
    "ticket.title": names.title,
    "ticket.link": `${config.appUrl}/status`,
    "customer.name": names.customerName,
    "customer.email": "alex@example.org",
  };
}
