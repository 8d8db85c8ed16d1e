import { config } from "../config";
import type { StandardResponseValues } from "../standard-responses/render-standard-response";
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

/** Sample values for the standard-response preview (as the reply form fills them). */
export function sampleStandardResponseValues(names: {
  customerName: string;
  title: string;
  agentName: string;
}): StandardResponseValues {
  const values = sampleTemplateValues(names);
  return {
    customer: { name: names.customerName, email: values["customer.email"] },
    ticket: { number: values["ticket.number"], title: names.title },
    agent: { name: names.agentName },
    queue: { name: "WLAN" },
  };
}
