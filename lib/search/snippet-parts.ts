// Client-safe: a stored snippet split into plain text and matched words.
import { MARK_END, MARK_START } from "./search-types";

/** A piece of a snippet: `match` is true for a word the search matched. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/**
 * Splits a snippet marked with MARK_START/MARK_END into parts (never HTML: the text is
 * rendered as text, the matches as <mark>). Stray marks are dropped.
 */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [index, piece] of snippet.split(MARK_START).entries()) {
    const [matched, rest] = index === 0 ? [null, piece] : splitOnce(piece, MARK_END);
    if (matched) parts.push({ text: matched, match: true });
    if (rest) parts.push({ text: rest.replaceAll(MARK_END, ""), match: false });
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}
