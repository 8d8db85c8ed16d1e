// Plain HTTP requests from a chosen local address (127.0.0.2, 127.0.0.3 … are
// all loopback on Linux), so tests can be "different clients" of one app, and
// no-JavaScript form posts as a browser without scripts sends them.
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

/** One request, answered in full. `body` is sent as is (or streamed, when a Readable). */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Buffer | string | NodeJS.ReadableStream;
    localAddress?: string;
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: options.method ?? "GET",
        headers: options.headers,
        localAddress: options.localAddress,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    const body = options.body;
    if (body && typeof body !== "string" && !Buffer.isBuffer(body)) body.pipe(req);
    else req.end(body);
  });
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  quot: '"',
  lt: "<",
  gt: ">",
  "#x27": "'",
  "#39": "'",
};
const unescapeHtml = (text: string) =>
  text.replace(/&(amp|quot|lt|gt|#x27|#39);/g, (_, e) => ENTITIES[e]);

/**
 * The hidden inputs (e.g. a server action's $ACTION_* fields) of the first form
 * in `html` that has a field named `field`.
 */
export function hiddenFields(html: string, field: string): Record<string, string> {
  const forms = html.match(/<form[\s\S]*?<\/form>/g) ?? [];
  const form = forms.find((f) => f.includes(`name="${field}"`)) ?? "";
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[unescapeHtml(name)] = unescapeHtml(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return fields;
}

/** A multipart body as a browser encodes `fields` (and optional files). */
export async function multipart(
  fields: Record<string, string>,
  files: {
    name: string;
    filename: string;
    type: string;
    content: Uint8Array<ArrayBuffer> | string;
  }[] = [],
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) {
    form.append(file.name, new Blob([file.content], { type: file.type }), file.filename);
  }
  const request = new Request("http://x/", { method: "POST", body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get("content-type")!,
  };
}

/**
 * Submits a form of the page without JavaScript, as a browser does: GET the
 * page, post the hidden fields of the form holding the first of `fields` plus
 * `fields` back to it, from `localAddress`.
 */
export async function submitFormWithoutScript(
  pageUrl: string,
  fields: Record<string, string>,
  options: { localAddress?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const page = await rawRequest(pageUrl, { localAddress: options.localAddress });
  const { body, contentType } = await multipart({
    ...hiddenFields(page.text, Object.keys(fields)[0]),
    ...fields,
  });
  return rawRequest(pageUrl, {
    method: "POST",
    headers: { ...options.headers, "content-type": contentType },
    body,
    localAddress: options.localAddress,
  });
}
