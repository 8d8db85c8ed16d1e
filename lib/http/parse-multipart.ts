// Streaming multipart/form-data for route handlers that take uploads: the body
// is never held whole (Request.formData() buffers everything, and a chunked
// body has no length to check first). Used by the portal's request and
// follow-up routes; agent upload routes are to use it too.
import busboy from "busboy";

export interface MultipartLimits {
  /** The whole body, in bytes; past it reading stops (BodyTooLargeError). */
  maxBytes: number;
  /** One file, in bytes. A larger file is kept cut to maxFileBytes + 1 bytes (so a size check still sees it too large) and reading stops there. */
  maxFileBytes: number;
  /** Files kept; one more is kept so a count check can see "too many", the rest are skipped. */
  maxFiles: number;
  /** One text field, in bytes (longer values are cut). */
  maxFieldBytes: number;
  /** Text fields kept. */
  maxFields: number;
}

export interface MultipartForm {
  /** Text fields by name, in order (a name can repeat). */
  fields: Map<string, string[]>;
  /** Files by field name. Empty file inputs (no name, no bytes) are left out. */
  files: Map<string, File[]>;
  /** True when reading stopped at an oversized file: fields after it are missing. */
  stoppedEarly: boolean;
}

/** The body is (or declares itself) larger than MultipartLimits.maxBytes: answer 413. */
export class BodyTooLargeError extends Error {
  constructor() {
    super("request body too large");
  }
}

/** The body is not multipart/form-data (or is malformed): answer 400/415. */
export class NotMultipartError extends Error {}

/** Text field's first value ("" when absent). */
export function fieldOf(form: MultipartForm, name: string): string {
  return form.fields.get(name)?.[0] ?? "";
}

/**
 * Parses `req`'s multipart body as it streams (busboy), within `limits`:
 * refuses a declared Content-Length over maxBytes without reading, and stops
 * reading (cancelling the body) once the bytes received pass maxBytes, also
 * for chunked bodies. Memory stays bounded by the limits, not the body.
 * Throws BodyTooLargeError or NotMultipartError.
 */
export async function parseMultipart(
  req: Request,
  limits: MultipartLimits,
): Promise<MultipartForm> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(contentType)) throw new NotMultipartError("not multipart");
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limits.maxBytes) throw new BodyTooLargeError();
  if (!req.body) throw new NotMultipartError("no body");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: {
        fileSize: limits.maxFileBytes + 1,
        files: limits.maxFiles + 1,
        fieldSize: limits.maxFieldBytes,
        fields: limits.maxFields,
        parts: limits.maxFields + limits.maxFiles + 1,
      },
    });
  } catch (error) {
    throw new NotMultipartError((error as Error).message);
  }

  const form: MultipartForm = { fields: new Map(), files: new Map(), stoppedEarly: false };
  const reader = req.body.getReader();
  let received = 0;
  let stop: ((error?: Error) => void) | undefined;

  const parsed = new Promise<void>((resolve, reject) => {
    let pendingFiles = 0;
    let finished = false;
    const settle = () => finished && pendingFiles === 0 && resolve();
    stop = (error) => (error ? reject(error) : resolve());
    parser.on("field", (name, value) => {
      const list = form.fields.get(name) ?? [];
      list.push(value);
      form.fields.set(name, list);
    });
    parser.on("file", (name, stream, info) => {
      pendingFiles++;
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      // Cut off by destroy() after a stop; a real parse error also reaches the parser.
      stream.on("error", () => {});
      stream.on("limit", () => {
        // Over maxFileBytes: enough is known ("too large"); stop reading the body.
        form.stoppedEarly = true;
        addFile(form, name, chunks, info);
        stop?.();
      });
      stream.on("end", () => {
        pendingFiles--;
        if (!stream.truncated) addFile(form, name, chunks, info);
        settle();
      });
    });
    parser.on("error", (error: Error) => reject(new NotMultipartError(error.message)));
    parser.on("close", () => {
      finished = true;
      settle();
    });
  });

  const pump = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > limits.maxBytes) throw new BodyTooLargeError();
      if (!parser.write(value)) await new Promise((r) => parser.once("drain", r));
      if (form.stoppedEarly) return;
    }
    if (!form.stoppedEarly) parser.end();
  })();
  // Once the parse settled (e.g. stopped early), a late failure of the pump is moot.
  pump.catch(() => {});

  try {
    await Promise.race([parsed, pump.then(() => parsed)]);
  } catch (error) {
    parser.destroy();
    await reader.cancel().catch(() => {});
    throw error;
  }
  if (form.stoppedEarly) {
    parser.destroy();
    await reader.cancel().catch(() => {});
  }
  return form;
}

function addFile(form: MultipartForm, name: string, chunks: Buffer[], info: busboy.FileInfo) {
  const size = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  if (!info.filename && size === 0) return; // an empty file input
  const list = form.files.get(name) ?? [];
  // The File copies the chunks once; no concatenated copy in between.
  const parts = chunks as Uint8Array<ArrayBuffer>[];
  list.push(new File(parts, info.filename || "attachment", { type: info.mimeType }));
  form.files.set(name, list);
}
