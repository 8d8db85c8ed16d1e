// DESIGN "Charsets": the declared charset when it decodes the bytes, else UTF-8
// when the bytes are valid UTF-8, else windows-1252 — for bodies, headers and
// filenames. mailparser reads undeclared 8-bit text as UTF-8 and loses every
// Latin-1 character, so before parsing, this pass rewrites what it would get
// wrong: raw 8-bit header lines that are not UTF-8 are re-encoded from
// windows-1252, and a text part whose bytes its declared (or missing) charset
// cannot decode gets the charset that can. Parts inside an attached message
// are left alone (they are stored byte-exact as an attachment).
import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import { Splitter } from "@zone-eu/mailsplit";
import iconv from "iconv-lite";
import libmime from "libmime";

interface SplitNode {
  type: "node";
  parentNode: SplitNode | false;
  rfc822: boolean;
  multipart: string | false;
  contentType: string | false;
  charset: string | false;
  encoding: string | false;
  disposition: string | false;
  headers: {
    getList(): { key: string; line: string }[];
    getFirst(key: string): string;
    update(key: string, value: string): void;
    changed: boolean;
  };
  getHeaders(): Buffer;
}
type Chunk = SplitNode | { type: "body" | "data" | "none"; value?: Buffer };

const FALLBACK = "windows-1252";
const norm = (charset: string) => charset.toLowerCase().replace(/[^a-z0-9]/g, "");
const isUtf8Name = (charset: string) => ["utf8", "usascii", "ascii"].includes(norm(charset));

/** Bytes decoded as windows-1252 and re-encoded as UTF-8 (a binary string, as mailsplit keeps lines). */
const windows1252ToUtf8 = (binary: string) =>
  Buffer.from(iconv.decode(Buffer.from(binary, "binary"), FALLBACK), "utf8").toString("binary");

function decodeTransfer(encoding: string, body: Buffer): Buffer {
  if (encoding === "base64") return Buffer.from(body.toString("latin1"), "base64");
  if (encoding === "quoted-printable") {
    const text = body
      .toString("latin1")
      .replace(/=\r?\n/g, "")
      .replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(text, "latin1");
  }
  return body;
}

/**
 * The charset to read `bytes` with, per DESIGN's order: the declared one when
 * iconv-lite knows it and decodes the bytes without a replacement character
 * (charsets iconv-lite does not know are left to the parser), else UTF-8 when
 * valid, else windows-1252. No statistical guessing.
 */
export function chooseCharset(declared: string | null, bytes: Uint8Array): string {
  if (declared && !isUtf8Name(declared)) {
    if (!iconv.encodingExists(declared)) return declared;
    if (!iconv.decode(Buffer.from(bytes), declared).includes("\uFFFD")) return declared;
  }
  return isUtf8(bytes) ? (declared ?? "utf-8") : FALLBACK;
}

/** Decodes raw header or filename bytes: UTF-8 when valid, else windows-1252. */
export function decodeUndeclared(bytes: Uint8Array): string {
  return isUtf8(bytes)
    ? Buffer.from(bytes).toString("utf8")
    : iconv.decode(Buffer.from(bytes), FALLBACK);
}

const insideAttachedMessage = (node: SplitNode) => {
  for (let parent = node.parentNode; parent; parent = parent.parentNode)
    if (parent.rfc822) return true;
  return false;
};

/** Raw 8-bit bytes inside a Q encoded word belong to its declared charset: escape them. */
const escapeEncodedWords = (binary: string) =>
  binary.replace(/=\?[^?\s]+\?[Qq]\?[^?\s]*\?=/g, (word) =>
    word.replace(/[\x80-\xff]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase()}`),
  );

function fixHeaderLines(node: SplitNode): boolean {
  let changed = false;
  for (const line of node.headers.getList()) {
    if (isUtf8(Buffer.from(line.line, "binary"))) continue;
    const escaped = escapeEncodedWords(line.line);
    line.line = isUtf8(Buffer.from(escaped, "binary")) ? escaped : windows1252ToUtf8(escaped);
    changed = true;
  }
  return changed;
}

function fixBodyCharset(node: SplitNode, body: Buffer): boolean {
  const type = node.contentType || "text/plain";
  if (!/^text\/(plain|html)$/.test(type) || node.disposition === "attachment") return false;
  const bytes = decodeTransfer((node.encoding || "").toLowerCase(), body);
  const declared = node.charset || null;
  const chosen = chooseCharset(declared, bytes);
  if (chosen === declared || (!declared && chosen === "utf-8")) return false;
  const parsed = libmime.parseHeaderValue(node.headers.getFirst("content-type") || type);
  parsed.value = parsed.value || type;
  parsed.params = { ...parsed.params, charset: chosen };
  node.headers.update("Content-Type", libmime.buildHeaderValue(parsed));
  return true;
}

async function split(message: Buffer): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  // mailsplit's typings declare only the "data" event; it is an ordinary stream.
  const splitter = new Splitter() as unknown as NodeJS.ReadWriteStream;
  await new Promise<void>((resolve, reject) => {
    splitter.on("data", (chunk: Chunk) => chunks.push(chunk));
    splitter.on("end", resolve);
    splitter.on("error", reject);
    Readable.from([message]).pipe(splitter);
  });
  return chunks;
}

/**
 * Returns the message with charsets made explicit where the parser would
 * otherwise mis-decode (see the file comment); the input itself when nothing
 * needed it. Only for parsing: the stored raw bytes stay as received.
 */
export async function normaliseCharsets(message: Buffer): Promise<Buffer> {
  const chunks = await split(message);
  let changed = false;
  for (let i = 0; i < chunks.length; i++) {
    const node = chunks[i];
    if (node.type !== "node" || insideAttachedMessage(node)) continue;
    const body: Buffer[] = [];
    for (let j = i + 1; j < chunks.length && chunks[j].type !== "node"; j++) {
      const chunk = chunks[j] as { type: string; value?: Buffer };
      if (chunk.type === "body" && chunk.value) body.push(chunk.value);
    }
    const headerChanged = fixHeaderLines(node);
    const bodyChanged = !node.multipart && fixBodyCharset(node, Buffer.concat(body));
    if (headerChanged) node.headers.changed = true;
    changed ||= headerChanged || bodyChanged;
  }
  if (!changed) return message;
  return Buffer.concat(
    chunks.flatMap((chunk) =>
      chunk.type === "node" ? [chunk.getHeaders()] : chunk.value ? [chunk.value] : [],
    ),
  );
}
