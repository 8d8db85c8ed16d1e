// Turns plain mail text into the text and HTML parts of a mail.

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * HTML for plain text: escaped, paragraphs kept, and links clickable only when
 * they are ours (`linkBase`) — a URL someone typed into a request stays text.
 */
export function textToHtml(text: string, linkBase: string): string {
  const ours = new RegExp(`(${escapeRegExp(escapeHtml(linkBase))}(?:/[^\\s<]*)?)`, "g");
  const body = escapeHtml(text)
    .replace(ours, '<a href="$1">$1</a>')
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return `<!doctype html><html><body style="font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:15px;line-height:1.5;color:#18181b">${body}</body></html>`;
}

export function withSignature(text: string, signature: string | null | undefined): string {
  return signature?.trim() ? `${text}\n\n-- \n${signature.trim()}` : text;
}
