import { convert } from "html-to-text";

/**
 * The text an agent reads in an article's plain-text view: the stored text,
 * or — for an HTML-only mail whose text part was empty — the text of its
 * (sanitised) HTML, without images or link targets.
 */
export function plainTextOf(article: { text: string; html: string | null }): string {
  if (article.text.trim() || !article.html) return article.text;
  return convert(article.html, {
    wordwrap: false,
    selectors: [
      { selector: "img", format: "skip" },
      { selector: "a", options: { ignoreHref: true } },
    ],
  }).trim();
}
