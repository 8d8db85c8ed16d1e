// The variables of auto-response texts and standard responses ({{ticket.number}} …) and
// the one function that fills them. Pure and client-safe: the admin pages' live previews
// fill sample values with it, compose-mail.ts the real ones.

export const TEMPLATE_VARIABLES = [
  "ticket.number",
  "ticket.title",
  "ticket.link",
  "customer.name",
  "customer.email",
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const PATTERN = /\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi;

/**
 * `text` with each known `{{variable}}` (spaces inside the braces allowed) replaced by its
 * value; unknown variables stay as written, so a typo is visible in the preview.
 */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(PATTERN, (match, name: string) =>
    name in values ? values[name as TemplateVariable] : match,
  );
}
