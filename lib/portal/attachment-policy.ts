// The portal's attachment policy, in one place (issue 12): which file
// extensions a customer may attach, and what the server expects inside each.
// Pure and client-safe: the form uses it for `accept`, its hint and the check
// before upload; the server adds the content check (check-attachment-content.ts).
// The browser's MIME type plays no part: it is empty or generic for many files.

/** What the content of a file with this extension must be. */
export type ContentRule =
  /** Text (logs, CSV, mail source): no NUL bytes, no binary signature. */
  | { kind: "text"; contentType: string }
  /** A binary format recognised by its magic number (file-type's `ext` values). */
  | { kind: "binary"; contentType: string; detected: string[] };

const text = (contentType: string): ContentRule => ({ kind: "text", contentType });
const binary = (contentType: string, ...detected: string[]): ContentRule => ({
  kind: "binary",
  contentType,
  detected,
});
const OOXML = "application/vnd.openxmlformats-officedocument";
const ODF = "application/vnd.oasis.opendocument";

/**
 * Every extension the desk knows how to check, with its rule. Office files in
 * ZIP containers may also be recognised as plain ZIP (tools that write them
 * differently); old Office and Outlook files are OLE compound files ("cfb").
 */
export const ATTACHMENT_RULES: Record<string, ContentRule> = {
  log: text("text/plain"),
  txt: text("text/plain"),
  csv: text("text/csv"),
  eml: text("message/rfc822"),
  pdf: binary("application/pdf", "pdf"),
  png: binary("image/png", "png"),
  jpg: binary("image/jpeg", "jpg"),
  jpeg: binary("image/jpeg", "jpg"),
  gif: binary("image/gif", "gif"),
  webp: binary("image/webp", "webp"),
  heic: binary("image/heic", "heic"),
  doc: binary("application/msword", "cfb"),
  xls: binary("application/vnd.ms-excel", "cfb"),
  ppt: binary("application/vnd.ms-powerpoint", "cfb"),
  msg: binary("application/vnd.ms-outlook", "cfb"),
  docx: binary(`${OOXML}.wordprocessingml.document`, "docx", "zip"),
  xlsx: binary(`${OOXML}.spreadsheetml.sheet`, "xlsx", "zip"),
  pptx: binary(`${OOXML}.presentationml.presentation`, "pptx", "zip"),
  odt: binary(`${ODF}.text`, "odt", "zip"),
  ods: binary(`${ODF}.spreadsheet`, "ods", "zip"),
  odp: binary(`${ODF}.presentation`, "odp", "zip"),
  rtf: binary("application/rtf", "rtf"),
  zip: binary("application/zip", "zip"),
  "7z": binary("application/x-7z-compressed", "7z"),
  gz: binary("application/gzip", "gz"),
  tgz: binary("application/gzip", "gz"),
  tar: binary("application/x-tar", "tar"),
};

/** The default allowed extensions: all the desk can check. */
export const DEFAULT_ATTACHMENT_EXTENSIONS = Object.keys(ATTACHMENT_RULES);

/** The extension of a file name, lower-cased, without the dot ("" when there is none). */
export function extensionOf(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
}

/**
 * Extensions from configuration (comma-separated, dots and case ignored), kept
 * only when the desk knows how to check them. Throws on an unknown one, so a
 * typo in the configuration is noticed at start instead of refusing uploads.
 */
export function parseAttachmentExtensions(value: string): string[] {
  const extensions = value
    .split(",")
    .map((entry) => entry.trim().replace(/^\./, "").toLowerCase())
    .filter(Boolean);
  const unknown = extensions.filter((ext) => !(ext in ATTACHMENT_RULES));
  if (unknown.length)
    throw new Error(
      `PORTAL_ATTACHMENT_EXTENSIONS: no content check for ${unknown.join(", ")}; known: ${DEFAULT_ATTACHMENT_EXTENSIONS.join(", ")}`,
    );
  return [...new Set(extensions)];
}

/** Whether a file name's extension is allowed (the check the browser can do before upload). */
export function isAllowedFilename(filename: string, extensions: string[]): boolean {
  const ext = extensionOf(filename);
  return ext !== "" && extensions.includes(ext) && ext in ATTACHMENT_RULES;
}

/** The rule for a file name, or null when its extension is unknown. */
export function contentRuleFor(filename: string): ContentRule | null {
  return ATTACHMENT_RULES[extensionOf(filename)] ?? null;
}

/** The file input's `accept` attribute: ".log,.txt,…". */
export function acceptAttribute(extensions: string[]): string {
  return extensions.map((ext) => `.${ext}`).join(",");
}
