// Submits a page's form the way a browser without JavaScript does: the
// server action's hidden fields from the rendered page plus the user's
// fields, as multipart/form-data. Used by tests that drive many processes.

const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The action (path, "" for a server action on the page) and hidden inputs of the first form on `html` with a field `field`. */
export function formOf(html: string, field: string) {
  for (const [form] of html.matchAll(/<form[\s\S]*?<\/form>/g)) {
    if (!form.includes(`name="${field}"`)) continue;
    const action = decode(/^<form[^>]*\saction="([^"]*)"/.exec(form)?.[1] ?? "");
    const hidden = [
      ...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g),
    ].map(([, name, value]): [string, string] => [decode(name), decode(value ?? "")]);
    return { action, hidden };
  }
  throw new Error(`no form with a field "${field}"`);
}

/**
 * Loads `pathname` from `baseUrl`, fills the form that has a field named
 * `formWith` (default: the first of `fields`; hidden values it already has are
 * kept unless `fields` overrides them) and posts it to the form's action (a
 * route such as /request/submit, or the page itself for a server action). Returns
 * status, redirect target, cookies set and body (a 303 means the action
 * redirected: success for the request form). `headers` go with both requests
 * (a session cookie, X-Forwarded-For).
 */
export async function submitForm(
  baseUrl: string,
  pathname: string,
  fields: Record<string, string | Blob>,
  options: { headers?: Record<string, string>; formWith?: string } = {},
) {
  const headers = options.headers ?? {};
  const page = await fetch(`${baseUrl}${pathname}`, { headers });
  const html = await page.text();
  const form = new FormData();
  const { action, hidden } = formOf(html, options.formWith ?? Object.keys(fields)[0]);
  for (const [name, value] of hidden) if (!(name in fields)) form.append(name, value);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const target = action.startsWith("/") ? action : pathname;
  const res = await fetch(`${baseUrl}${target}`, {
    method: "POST",
    body: form,
    headers,
    redirect: "manual",
  });
  return {
    status: res.status,
    location: res.headers.get("location") ?? "",
    /** "name=value" pairs of the cookies the response set (a session, say). */
    cookies: res.headers.getSetCookie().map((cookie) => cookie.split(";")[0]),
    body: await res.text(),
  };
}
