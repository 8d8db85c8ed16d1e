// Where the quoted history of a plain-text mail starts, so the zoom can fold
// it. Recognised: a block of "> " lines, attribution lines ("On … wrote:",
// "Am … schrieb …:"), Outlook's "-----Original Message-----" and its
// "From:/Sent:" header block after a rule.

const ATTRIBUTION = [
  /^On\b.{0,300}\bwrote:\s*$/i,
  /^Am\b.{0,300}\bschrieb\b.{0,200}:\s*$/i,
  /^Le\b.{0,300}\ba écrit\s*:\s*$/i,
  /^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Originalnachricht|Message d'origine)\s*-{2,}\s*$/i,
  /^-{2,}\s*(Forwarded message|Weitergeleitete Nachricht)\s*-{2,}\s*$/i,
];
const HEADER_BLOCK = /^\s*(From|Von|De)\s*:\s*\S/i;
const SECOND_HEADER = /^\s*(Sent|Gesendet|Date|Datum|Envoyé|To|An|Subject|Betreff)\s*:/i;

/** Character offset of the first line of the quoted history, or null when there is none. */
export function findQuoteStart(text: string): number | null {
  const lines = text.split("\n");
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    const next = (lines[i + 1] ?? "").replace(/\r$/, "");
    const isRule = /^_{10,}\s*$/.test(line) && HEADER_BLOCK.test(next);
    const isQuoteBlock = /^>/.test(line) && /^>|^\s*$/.test(next) && i > 0;
    if (
      ATTRIBUTION.some((re) => re.test(line)) ||
      isRule ||
      (HEADER_BLOCK.test(line) && SECOND_HEADER.test(next) && i > 0) ||
      isQuoteBlock
    ) {
      return offset;
    }
    offset += lines[i].length + 1;
  }
  return null;
}

/** The new part of a mail and its quoted history (empty when there is none). */
export function splitQuoted(text: string): { body: string; quoted: string } {
  const start = findQuoteStart(text);
  if (start === null) return { body: text, quoted: "" };
  return { body: text.slice(0, start).trimEnd(), quoted: text.slice(start) };
}
