// The one folding rule shared by the index and the query (issue 17). FTS5's unicode61
// tokenizer folds case and removes diacritics, but keeps ß; PostgreSQL's unaccent turns
// ß into ss. Folding ß/ẞ to "ss" on both sides makes "strasse" find "Straße" everywhere.
// The SQLite triggers (prisma/sqlite/migrations/*_ticket_search) apply the same rule.

/** Text with ß and ẞ replaced by "ss"; everything else as given. */
export function foldText(text: string): string {
  return text.replace(/[ßẞ]/g, "ss");
}

/** At most this many words of a query are searched (a longer query adds no precision). */
export const MAX_TERMS = 12;

/** Words shorter than this match as written; longer ones also as a prefix. */
export const PREFIX_MIN_LENGTH = 3;

/**
 * The words of a search query, folded (ß → ss), lower-cased and without punctuation,
 * duplicates removed, at most `max`: the tokens both databases search for. Letters
 * and digits are words; everything else separates them, as the tokenizers do.
 */
export function queryTerms(query: string, max = MAX_TERMS): string[] {
  const words = foldText(query.normalize("NFC"))
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return [...new Set(words)].slice(0, max);
}
