// CSV for spreadsheets (RFC 4180 quoting), safe against formula injection: a cell that
// starts with = + - @ (or a tab / carriage return, which some programs strip first) is
// prefixed with an apostrophe, so a queue named "=HYPERLINK(…)" stays text (OWASP advice).

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text or number, formula-safe and quoted when needed. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows (the first one the header) as CSV text with CRLF line ends. */
export function toCsv(rows: (string | number | null)[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
