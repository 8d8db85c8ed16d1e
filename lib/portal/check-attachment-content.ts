// Server side of the attachment policy: does the content match the extension?
import { fileTypeFromBuffer } from "file-type";
import { contentRuleFor } from "./attachment-policy";

/** Bytes looked at for the text check: enough for any binary signature. */
const TEXT_SAMPLE_BYTES = 64 * 1024;

/** UTF-16 with a byte-order mark: text with NUL bytes in it, as Windows tools write logs. */
function isUtf16Text(bytes: Uint8Array): boolean {
  const bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return bom && bytes.length % 2 === 0;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return false;
    // Tab, line feed, form feed, carriage return and ESC (colour codes in logs) are text.
    if (byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13 && byte !== 27)
      control++;
  }
  return control <= sample.length / 100;
}

/**
 * Whether a file's content fits its extension's rule (attachment-policy.ts):
 * text must read as text and carry no binary signature; binary formats must
 * show one of their magic numbers (file-type). An unknown extension fails.
 * Reads the whole file; sizes are limited by the schema before this runs.
 */
export async function checkAttachmentContent(file: File): Promise<boolean> {
  const rule = contentRuleFor(file.name);
  if (!rule) return false;
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Checked first: a UTF-16 byte-order mark also looks like an MPEG audio frame to file-type.
  if (rule.kind === "text" && isUtf16Text(bytes)) return true;
  const detected = await fileTypeFromBuffer(bytes);
  if (rule.kind === "text") {
    // A binary signature means a renamed file (an .exe called .log); XML is text.
    const isTextual = !detected || /^(text\/|application\/xml)/.test(detected.mime);
    return isTextual && looksLikeText(bytes);
  }
  return !!detected && rule.detected.includes(detected.ext);
}
