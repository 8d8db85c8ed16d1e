import { describe, expect, it } from "vitest";
import { multipart } from "@/tests/kit/http-client";
import { BodyTooLargeError, fieldOf, NotMultipartError, parseMultipart } from "./parse-multipart";

const limits = {
  maxBytes: 200_000,
  maxFileBytes: 50_000,
  maxFiles: 2,
  maxFieldBytes: 1000,
  maxFields: 10,
};

/** A request whose body is pulled in 16 kB chunks; `pulled()` says how many bytes were read. */
function streamedRequest(body: Buffer, contentType: string, declareLength: boolean) {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= body.length) return controller.close();
      controller.enqueue(new Uint8Array(body.subarray(offset, offset + 16_384)));
      offset += 16_384;
    },
  });
  const headers: Record<string, string> = { "content-type": contentType };
  if (declareLength) headers["content-length"] = String(body.length);
  const req = new Request("http://x/", {
    method: "POST",
    body: stream,
    headers,
    duplex: "half",
  } as RequestInit);
  return { req, pulled: () => Math.min(offset, body.length) };
}

describe("parseMultipart", () => {
  it("reads fields and files, leaving out an empty file input", async () => {
    const { body, contentType } = await multipart({ name: "Ann", body: "Hallo ü" }, [
      { name: "attachments", filename: "a.txt", type: "text/plain", content: "one" },
      { name: "attachments", filename: "b.pdf", type: "application/pdf", content: "%PDF" },
      { name: "other", filename: "", type: "application/octet-stream", content: "" },
    ]);
    const form = await parseMultipart(streamedRequest(body, contentType, true).req, limits);
    expect(fieldOf(form, "name")).toBe("Ann");
    expect(fieldOf(form, "body")).toBe("Hallo ü");
    const files = form.files.get("attachments")!;
    expect(files.map((f) => [f.name, f.type, f.size])).toEqual([
      ["a.txt", "text/plain", 3],
      ["b.pdf", "application/pdf", 4],
    ]);
    expect(await files[0].text()).toBe("one");
    expect(form.files.has("other")).toBe(false);
    expect(form.stoppedEarly).toBe(false);
  });

  it("refuses a declared length over the limit without reading the body", async () => {
    const { body, contentType } = await multipart({}, [
      { name: "f", filename: "big", type: "text/plain", content: "x".repeat(300_000) },
    ]);
    const { req, pulled } = streamedRequest(body, contentType, true);
    await expect(parseMultipart(req, limits)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled()).toBeLessThanOrEqual(16_384 * 2); // at most what the stream queues up front
  });

  it("stops reading a chunked body (no length) once it passes the limit", async () => {
    // Many small files: none is over its own limit, the whole is.
    const files = Array.from({ length: 40 }, (_, i) => ({
      name: "f",
      filename: `f${i}`,
      type: "text/plain",
      content: "x".repeat(20_000),
    }));
    const { body, contentType } = await multipart({}, files);
    const { req, pulled } = streamedRequest(body, contentType, false);
    await expect(parseMultipart(req, { ...limits, maxFiles: 100 })).rejects.toBeInstanceOf(
      BodyTooLargeError,
    );
    expect(pulled()).toBeLessThan(limits.maxBytes + 3 * 16_384);
    expect(body.length).toBeGreaterThan(4 * limits.maxBytes);
  });

  it("keeps an oversized file cut just past its limit and stops reading there", async () => {
    const { body, contentType } = await multipart({ name: "Ann" }, [
      {
        name: "attachments",
        filename: "huge.bin",
        type: "text/plain",
        content: "x".repeat(150_000),
      },
    ]);
    const { req, pulled } = streamedRequest(body, contentType, true);
    const form = await parseMultipart(req, limits);
    expect(form.stoppedEarly).toBe(true);
    expect(fieldOf(form, "name")).toBe("Ann");
    const [file] = form.files.get("attachments")!;
    expect(file.size).toBe(limits.maxFileBytes + 1); // a size check sees it too large
    expect(pulled()).toBeLessThan(limits.maxFileBytes + 3 * 16_384);
  });

  it("keeps one file more than allowed (so a count check sees it) and cuts long fields", async () => {
    const { body, contentType } = await multipart({ body: "y".repeat(5000) }, [
      { name: "f", filename: "1", type: "text/plain", content: "1" },
      { name: "f", filename: "2", type: "text/plain", content: "2" },
      { name: "f", filename: "3", type: "text/plain", content: "3" },
      { name: "f", filename: "4", type: "text/plain", content: "4" },
    ]);
    const form = await parseMultipart(streamedRequest(body, contentType, true).req, limits);
    expect(form.files.get("f")).toHaveLength(3);
    expect(fieldOf(form, "body")).toHaveLength(limits.maxFieldBytes);
  });

  it("refuses what is not multipart", async () => {
    const req = new Request("http://x/", {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    await expect(parseMultipart(req, limits)).rejects.toBeInstanceOf(NotMultipartError);
  });
});
