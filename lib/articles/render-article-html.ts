// What the article HTML route serves inside the zoom's sandboxed frame: stored
// (already sanitised) mail HTML with its cid: images filled in, remote images
// only when the agent asked for them, and a policy of its own. Pure: the route
// (app/(agent)/agent/tickets/[number]/articles/[id]/html) does the lookups.
import sanitize from "sanitize-html";
import { REMOTE_SRC, sanitizeMailHtml } from "../mail/inbound/sanitize-html";

/** An inline part of the mail, addressed from the HTML as `cid:<contentId>`. */
export interface InlineImage {
  contentId: string;
  contentType: string;
  content: Uint8Array;
}

const IMAGE_TYPES = /^image\/(png|jpe?g|gif|webp|bmp)$/i;
const HTTP_URL = /^https?:\/\/[^\s"'<>]+$/i;
const MISSING_SRC = /<img(?![^>]*\ssrc\s*=)[^>]*>/i;

/** "<a@b>", "A@B" and "a%40b" all name the part with Content-ID <a@b>. */
function normaliseContentId(value: string): string {
  let id = value.trim().replace(/^cid:/i, "").replace(/^<|>$/g, "");
  try {
    id = decodeURIComponent(id);
  } catch {
    // keep it as written
  }
  return id.toLowerCase();
}

/**
 * True when stored mail HTML holds remote images the frame does not load by
 * default: kept addresses (`data-remote-src`), or — for mail stored before
 * they were kept — images whose address was dropped, which the raw message
 * still holds. The zoom offers "Show images" only then.
 */
export function hasBlockedImages(html: string): boolean {
  return html.includes(REMOTE_SRC) || MISSING_SRC.test(html);
}

/** True when the stored HTML lost its remote image addresses (stored before they were kept). */
export function lostRemoteImages(html: string): boolean {
  return !html.includes(REMOTE_SRC) && MISSING_SRC.test(html);
}

/**
 * The document the frame shows: `html` (sanitised once more) with every
 * `cid:` image turned into a data: URI of its stored part (no request, so no
 * cookie question inside the sandbox), remote images (`data-remote-src`) given
 * back their address only when `showImages`, and every link opening a new tab
 * with `noopener noreferrer`. Anything else an img points at is dropped.
 */
export function renderArticleHtml(options: {
  html: string;
  inlineImages: InlineImage[];
  showImages: boolean;
}): string {
  const parts = new Map(options.inlineImages.map((p) => [normaliseContentId(p.contentId), p]));
  // Sanitised again (stored before today's rules, or re-derived): the rewrite below keeps all.
  const body = sanitize(sanitizeMailHtml(options.html), {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["data", "http", "https"] },
    transformTags: {
      img: (tagName, attribs) => {
        const { src = "", [REMOTE_SRC]: remote = "", ...rest } = attribs;
        let url: string | null = null;
        if (/^cid:/i.test(src)) {
          const part = parts.get(normaliseContentId(src));
          if (part && IMAGE_TYPES.test(part.contentType))
            url = `data:${part.contentType.toLowerCase()};base64,${Buffer.from(part.content).toString("base64")}`;
        } else if (/^data:image\/(png|jpe?g|gif|webp);/i.test(src)) url = src;
        else if (options.showImages && !src && HTTP_URL.test(remote.trim())) url = remote.trim();
        return { tagName, attribs: url ? { ...rest, src: url } : rest };
      },
      a: (tagName, attribs) => ({
        tagName,
        attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer" },
      }),
    },
  });
  return [
    "<!doctype html>",
    '<html><head><meta charset="utf-8"><base target="_blank">',
    "<style>body{margin:0;padding:.75rem;font:14px/1.5 system-ui,sans-serif;color:#18181b;",
    "background:#fff;overflow-wrap:anywhere}img{max-width:100%;height:auto}</style>",
    `</head><body>${body}</body></html>`,
  ].join("");
}

/**
 * The frame's own Content-Security-Policy: no script, no form, no plugin, no
 * font or connection; images only from the document itself (data:) — from
 * anywhere over http(s) only with `showImages`; inline styles are fine inside
 * the sandbox. It may be framed by the desk's own pages only, and is a
 * sandbox even when opened directly (popups for links, nothing else).
 */
export function articleHtmlPolicy(options: { showImages: boolean }): string {
  return [
    "default-src 'none'",
    `img-src data:${options.showImages ? " https: http:" : ""}`,
    "style-src 'unsafe-inline'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    "sandbox allow-popups allow-popups-to-escape-sandbox",
  ].join("; ");
}

/** The response of the article HTML route: the document with its policy, never cached. */
export function articleHtmlResponse(options: { document: string; showImages: boolean }) {
  return new Response(options.document, {
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": articleHtmlPolicy(options),
      "X-Frame-Options": "SAMEORIGIN",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
