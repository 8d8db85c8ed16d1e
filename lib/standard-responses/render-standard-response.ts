/** What a standard response's variables are filled with (all plain text). */
export interface StandardResponseValues {
  customer: { name: string; email: string };
  ticket: { number: string; title: string };
  agent: { name: string };
  queue: { name: string };
}

const VARIABLES: Record<string, (v: StandardResponseValues) => string> = {
  "customer.name": (v) => v.customer.name || v.customer.email,
  "customer.email": (v) => v.customer.email,
  "ticket.number": (v) => v.ticket.number,
  "ticket.title": (v) => v.ticket.title,
  "agent.name": (v) => v.agent.name,
  "queue.name": (v) => v.queue.name,
};

/** The variables a standard response may use, as written in its text. */
export const STANDARD_RESPONSE_VARIABLES = Object.keys(VARIABLES).map((key) => `{{${key}}}`);

/**
 * Fills `{{customer.name}}`, `{{customer.email}}`, `{{ticket.number}}`, `{{ticket.title}}`,
 * `{{agent.name}}` and `{{queue.name}}` (spaces inside the braces allowed) in a standard
 * response's text (issue 13, "standard responses"). An unknown variable stays as written,
 * so the agent sees it in the preview and fixes it before sending. Plain text in, plain
 * text out: values are not interpreted again.
 */
export function renderStandardResponse(text: string, values: StandardResponseValues): string {
  return text.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi, (written, key: string) => {
    const fill = VARIABLES[key];
    return fill ? fill(values) : written;
  });
}
