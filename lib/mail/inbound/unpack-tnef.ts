import { decodeUndeclared } from "./normalise-charsets";
import type { InboundAttachment } from "./inbound-mail";

// node-tnef replaces String.prototype.replaceAll, process-wide, with a version
// that treats every search string as a regular expression. Next.js fills route
// parameters with replaceAll("[...nextauth]", …), so after the first winmail.dat
// check the sign-in endpoint answered 400 and other routes could break. The
// library is loaded here only, on first use, and the native method is put back
// at once (node-tnef's own one call, replaceAll("\x00", ""), means the same
// either way).
const nativeReplaceAll = String.prototype.replaceAll;
let nodeTnef: Promise<typeof import("node-tnef")> | undefined;

/** node-tnef, loaded once, with String.prototype.replaceAll left native. */
function loadNodeTnef() {
  nodeTnef ??= import("node-tnef").then((module) => {
    String.prototype.replaceAll = nativeReplaceAll;
    return module;
  });
  return nodeTnef;
}

const SIGNATURE = 0x223e9f78;
/** Larger winmail.dat files stay packed (kept as the attachment they are). */
const MAX_TNEF_BYTES = 20 * 1024 * 1024;

export interface UnpackedTnef {
  attachments: InboundAttachment[];
  /** The message body when the TNEF carries one as HTML or plain text. */
  html: string | null;
  text: string | null;
}

/** Whether an attachment is Outlook's TNEF wrapper (winmail.dat). */
export const isTnef = (attachment: Pick<InboundAttachment, "contentType" | "filename">) =>
  /^application\/(vnd\.)?ms-tnef$/.test(attachment.contentType) ||
  /^win(mail)?\.dat$/i.test(attachment.filename);

/**
 * Checks the attribute framing (level, id, length, data, checksum) before the
 * library sees the bytes: node-tnef trusts every length, and a bogus one makes
 * it loop for seconds over bytes that are not there.
 */
function isWellFramed(data: Buffer): boolean {
  if (data.length < 6 || data.readUInt32LE(0) !== SIGNATURE) return false;
  for (let offset = 6; offset < data.length;) {
    if (offset + 9 > data.length) return false;
    const level = data[offset];
    const length = data.readUInt32LE(offset + 5);
    if ((level !== 1 && level !== 2) || length > data.length - offset - 11) return false;
    offset += 9 + length + 2;
  }
  return true;
}

const TYPES: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  txt: "text/plain",
  htm: "text/html",
  html: "text/html",
  zip: "application/zip",
  doc: "application/msword",
  xls: "application/vnd.ms-excel",
  ppt: "application/vnd.ms-powerpoint",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  eml: "message/rfc822",
  ics: "text/calendar",
};
const typeOf = (filename: string) =>
  TYPES[/\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? ""] ?? "application/octet-stream";

const bytesOf = (value: unknown): Buffer | null =>
  Array.isArray(value) || value instanceof Uint8Array ? Buffer.from(value as number[]) : null;

/**
 * Unpacks a winmail.dat (TNEF, MS-OXTNEF) with node-tnef: its attachments
 * (named by their title; untitled ones numbered) and its body when it has
 * one. Null when the data is not well-formed TNEF or too large — the caller
 * then keeps only the original file.
 */
export async function unpackTnef(data: Buffer): Promise<UnpackedTnef | null> {
  if (data.length > MAX_TNEF_BYTES || !isWellFramed(data)) return null;
  const { parseBuffer } = await loadNodeTnef();
  return new Promise((resolve) => {
    try {
      parseBuffer(data, (failed, result) => {
        if (failed || !result) return resolve(null);
        const attachments = (result.Attachments ?? [])
          .map((attachment, i) => ({
            title: attachment.Title,
            content: bytesOf(attachment.Data),
            i,
          }))
          .filter(
            (a): a is { title: string | undefined; content: Buffer; i: number } => !!a.content,
          )
          .map(({ title, content, i }) => ({
            filename: title?.trim() || `winmail-attachment-${i + 1}`,
            contentType: typeOf(title?.trim() ?? ""),
            content,
            contentId: null,
            isInline: false,
          }));
        const html = bytesOf(result.BodyHTML);
        const text = bytesOf(result.Body);
        resolve({
          attachments,
          html: html ? decodeUndeclared(html) : null,
          text: text && !html ? decodeUndeclared(text) : null,
        });
      });
    } catch {
      resolve(null);
    }
  });
}
