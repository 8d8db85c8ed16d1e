// Small header helpers shared by the MIME parser and the classifier.

export const unfold = (value: string) => value.replace(/\r?\n[ \t]+/g, " ").trim();

/** "Name: value" lines of a header block, unfolded, names lower-cased. */
export function parseHeaderBlock(block: string): [string, string][] {
  const end = block.search(/\r?\n\r?\n/);
  const lines = (end < 0 ? block : block.slice(0, end)).split(/\r?\n(?![ \t])/);
  const headers: [string, string][] = [];
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon).trim().toLowerCase(), unfold(line.slice(colon + 1))]);
  }
  return headers;
}

export const angle = (id: string) => {
  const trimmed = id.trim();
  if (!trimmed) return null;
  return trimmed.startsWith("<") ? trimmed : `<${trimmed}>`;
};

/** Message-IDs in a References / In-Reply-To value. */
export function parseMessageIds(value: string | string[] | null | undefined): string[] {
  const text = Array.isArray(value) ? value.join(" ") : (value ?? "");
  const ids = text.match(/<[^<>\s]+>/g);
  if (ids) return ids;
  return text
    .split(/\s+/)
    .map(angle)
    .filter((id): id is string => !!id && id.includes("@"));
}
