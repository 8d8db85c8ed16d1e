import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import {
  acceptAttribute,
  DEFAULT_ATTACHMENT_EXTENSIONS,
  isAllowedFilename,
  parseAttachmentExtensions,
} from "./attachment-policy";
import { checkAttachmentContent } from "./check-attachment-content";
import { getAttachmentLimits } from "./limits";
import { requestSchema } from "./schemas";
import { submitRequest } from "@/tests/kit/portal";

const root = path.resolve(import.meta.dirname, "../..");
const PNG = fs.readFileSync(path.join(root, "app/apple-icon.png"));
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(120)]);
const LOG =
  "2026-11-30T04:12:01Z router kernel: eth0 link up\r\n" +
  "\x1b[31mERROR\x1b[0m\tdhcp: no lease\n".repeat(50);

/** A ZIP with stored (uncompressed) entries: enough for the container formats' signatures. */
function zip(entries: Record<string, string>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name);
    const crc = zlib.crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, nameBytes, data);
    central.push(dir, nameBytes);
    offset += head.length + nameBytes.length + data.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, dirBytes, end]);
}

const DOCX = zip({
  "[Content_Types].xml":
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  "word/document.xml": "<w:document/>",
});

/** As browsers send many files: no MIME type, or a generic one. */
const file = (content: Buffer | string, name: string, type = "") =>
  new File([typeof content === "string" ? content : new Uint8Array(content)], name, { type });

describe("the attachment policy", () => {
  it("accepts logs, text, office, image and archive files by default", () => {
    for (const name of ["router.log", "notes.TXT", "data.csv", "a.docx", "b.xlsx", "c.odt"])
      expect(isAllowedFilename(name, DEFAULT_ATTACHMENT_EXTENSIONS), name).toBe(true);
    for (const name of ["photo.jpg", "scan.pdf", "logs.zip", "dump.tar", "dump.tgz", "x.7z"])
      expect(isAllowedFilename(name, DEFAULT_ATTACHMENT_EXTENSIONS), name).toBe(true);
    for (const name of [
      "setup.exe",
      "script.js",
      "page.html",
      "image.svg",
      "log",
      ".log",
      "a.log.",
    ])
      expect(isAllowedFilename(name, DEFAULT_ATTACHMENT_EXTENSIONS), name).toBe(false);
    expect(acceptAttribute(["log", "pdf"])).toBe(".log,.pdf");
  });

  it("reads the allowed extensions from configuration, refusing ones it cannot check", () => {
    expect(parseAttachmentExtensions(" .LOG, txt,pdf ,txt")).toEqual(["log", "txt", "pdf"]);
    expect(() => parseAttachmentExtensions("log,exe")).toThrow(/exe/);
  });

  it("judges content by the file, not by the browser's MIME type", async () => {
    const accepted = [
      file(LOG, "router.log"),
      file(LOG, "router.log", "application/octet-stream"),
      file("a;b\r\n1;2\r\n", "data.csv", "application/vnd.ms-excel"),
      file(Buffer.from("\ufeffWindows-Log", "utf16le"), "event.log"),
      file("", "empty.txt"),
      file(PNG, "screen.png"),
      file(PDF, "scan.pdf", "application/octet-stream"),
      file(DOCX, "letter.docx"),
      file(zip({ "a.txt": "x" }), "logs.zip", "application/x-zip-compressed"),
    ];
    for (const f of accepted) expect(await checkAttachmentContent(f), f.name).toBe(true);

    const refused = [
      file(EXE, "router.log", "text/plain"), // a program named like a log
      file(PNG, "notes.txt", "text/plain"),
      file(zip({ "a.txt": "x" }), "data.csv"),
      file("just text", "scan.pdf", "application/pdf"), // the browser's type proves nothing
      file(PNG, "photo.jpg", "image/jpeg"),
      file("plain words", "letter.docx"),
      file(EXE, "archive.zip"),
      file(LOG, "setup.exe"),
    ];
    for (const f of refused) expect(await checkAttachmentContent(f), f.name).toBe(false);
  });

  it("refuses by name before upload and by content on the server, per file", async () => {
    const limits = { ...(await getAttachmentLimits()), maxCount: 5 };
    const base = { name: "A", email: "a@example.org", subject: "S", body: "B", topic: "1" };
    const attachments = [
      file(LOG, "router.log"),
      file(EXE, "setup.exe"),
      file("not a pdf", "scan.pdf"),
    ];
    // In the browser: names and sizes only.
    const browser = requestSchema(limits).safeParse({ ...base, attachments });
    expect(browser.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["attachments.1", "fileType"],
    ]);
    // On the server: the content too.
    const server = await requestSchema(limits, checkAttachmentContent).safeParseAsync({
      ...base,
      attachments,
    });
    expect(server.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["attachments.1", "fileType"],
      ["attachments.2", "fileContent"],
    ]);
    const ok = await requestSchema(limits, checkAttachmentContent).safeParseAsync({
      ...base,
      attachments: [file(LOG, "router.log"), file(PNG, "screen.png")],
    });
    expect(ok.success).toBe(true);
  });

  it("stores an accepted file with the type its extension stands for", async () => {
    const { number } = await submitRequest({
      attachments: [file(LOG, "router.log"), file(PDF, "scan.pdf", "application/octet-stream")],
    });
    const stored = await db.attachment.findMany({
      where: { article: { ticket: { number } } },
      orderBy: { id: "asc" },
    });
    expect(stored.map((a) => [a.filename, a.contentType])).toEqual([
      ["router.log", "text/plain"],
      ["scan.pdf", "application/pdf"],
    ]);
  });
});
