import { describe, expect, it } from "vitest";
import { safeFilename, singleLine } from "./write-article";

describe("article fields", () => {
  it("makes subjects single-line and filenames harmless", () => {
    expect(singleLine("Hi\r\nBcc: x@evil.example")).toBe("Hi Bcc: x@evil.example");
    expect(safeFilename("invoice\u202Efdp.exe")).toBe("invoicefdp.exe");
    expect(safeFilename("../../etc/passwd")).toBe("passwd");
    expect(safeFilename("C:\\Users\\x\\report.pdf")).toBe("report.pdf");
    expect(safeFilename("\u0000")).toBe("attachment");
    expect(safeFilename("a".repeat(300))).toHaveLength(255);
  });
});
