import sanitize from "sanitize-html";

/** Where a remote image's address is kept, unrendered, in stored mail HTML. */
export const REMOTE_SRC = "data-remote-src";
const QUOTE_CLASSES = /\b(gmail_quote|moz-cite-prefix|yahoo_quoted|OutlookMessageHeader)\b/;
const QUOTE_IDS = /^(divRplyFwdMsg|appendonsend|mail-editor-reference-message-container)$/;
const SAFE_COLOR = [/^#[0-9a-f]{3,8}$/i, /^rgba?\([\d\s.,%]+\)$/i, /^[a-z]+$/i];
const SAFE_LENGTH = [/^[\d.]+(px|pt|em|rem|%)?$/];

/**
 * Mail HTML made safe to show in an agent's browser: no script, style sheet,
 * form, frame or event handler; images only from the mail itself (cid:) or
 * data: URIs, so opening a ticket never loads a remote image (tracking). A
 * remote image's address is kept in `data-remote-src`, never rendered as is:
 * the article HTML route puts it back only when the agent asks to show images
 * (lib/articles/render-article-html.ts). Links open in a new tab without referrer. Quoted history (blockquote, Gmail,
 * Outlook, Thunderbird markers) gets `data-quote` so the zoom can fold it.
 */
export function sanitizeMailHtml(html: string): string {
  return sanitize(html, {
    allowedTags: [
      ...sanitize.defaults.allowedTags.filter((tag) => tag !== "style"),
      "img",
      "font",
      "center",
      "u",
      "s",
      "strike",
      "del",
      "ins",
    ],
    disallowedTagsMode: "discard",
    nonTextTags: ["style", "script", "textarea", "option", "noscript", "title", "head"],
    allowedAttributes: {
      a: ["href", "name", "title", "target", "rel"],
      img: ["src", "alt", "title", "width", "height", REMOTE_SRC],
      font: ["color", "size", "face"],
      td: ["colspan", "rowspan", "align", "valign", "width"],
      th: ["colspan", "rowspan", "align", "valign", "width"],
      table: ["width", "cellpadding", "cellspacing", "border", "align"],
      blockquote: ["data-quote"],
      div: ["data-quote"],
      "*": ["style", "dir", "lang", "align"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["cid", "data"] },
    allowProtocolRelative: false,
    allowedStyles: {
      "*": {
        color: SAFE_COLOR,
        "background-color": SAFE_COLOR,
        "text-align": [/^(left|right|center|justify)$/],
        "font-weight": [/^(normal|bold|bolder|lighter|\d{3})$/],
        "font-style": [/^(normal|italic|oblique)$/],
        "text-decoration": [/^[a-z -]+$/],
        "font-size": SAFE_LENGTH,
        "font-family": [/^[\w\s,'"-]+$/],
        margin: [/^[\d.\s]+(px|pt|em|%)?[\d.\spxtem%]*$/],
        padding: [/^[\d.\s]+(px|pt|em|%)?[\d.\spxtem%]*$/],
        "border-left": [/^[\w\s#.-]+$/],
        width: SAFE_LENGTH,
      },
    },
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" },
      }),
      img: (tagName, attribs) => {
        // Remote images are not loaded (tracking pixels): an http(s) address moves to
        // data-remote-src (where a second pass finds it again), anything else is dropped.
        const { src = "", [REMOTE_SRC]: kept = "", ...rest } = attribs;
        if (/^(cid:|data:image\/(png|jpe?g|gif|webp);)/i.test(src))
          return { tagName, attribs: { ...rest, src } };
        const remote = [src, kept].map((s) => s.trim()).find((s) => /^https?:\/\/\S+$/i.test(s));
        return { tagName, attribs: remote ? { ...rest, [REMOTE_SRC]: remote } : rest };
      },
      blockquote: (tagName, attribs) => ({ tagName, attribs: { ...attribs, "data-quote": "" } }),
      div: (tagName, attribs) => {
        const isQuote = QUOTE_CLASSES.test(attribs.class ?? "") || QUOTE_IDS.test(attribs.id ?? "");
        return { tagName, attribs: isQuote ? { ...attribs, "data-quote": "" } : attribs };
      },
    },
  });
}
