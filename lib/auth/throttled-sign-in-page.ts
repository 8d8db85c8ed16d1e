// The sign-in route's answer to a browser without JavaScript whose sign-in is
// rate-limited (issue 10, item 3): a real 429 with Retry-After, as a small
// page in the visitor's language that says when to try again and offers the
// sign-in form again with the address kept (never the password). Pure: the
// route (app/(auth)/login/submit) passes the translated texts. No script at
// all, so the page's strict CSP (proxy.ts) has nothing to allow; its look is
// the login page's, as inline CSS (style-src allows 'unsafe-inline').

/** The translated texts and kept values of the page. */
export interface ThrottledSignInPage {
  /** `<html lang>`. */
  locale: string;
  /** Page heading and title ("Agent sign-in"). */
  title: string;
  /** Says that sign-in is refused for now and when to try again. */
  message: string;
  emailLabel: string;
  passwordLabel: string;
  submitLabel: string;
  /** The address the visitor typed (kept; escaped here). */
  email: string;
  /** A same-site path to go to after signing in (already checked by safeAgentCallback). */
  callbackUrl: string;
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

// Tailwind's zinc/blue/red as the login page uses them (components/ui), light and dark.
const STYLE = [
  ":root{color-scheme:light dark}",
  "body{margin:0;font:16px/1.5 ui-sans-serif,system-ui,sans-serif;background:#fff;color:#18181b}",
  ".wrap{max-width:24rem;margin:0 auto;padding:4rem 1rem}",
  "h1{font-size:1.5rem;line-height:2rem;font-weight:700;margin:0 0 1.5rem}",
  "form>*+*{margin-top:1rem}",
  ".alert{border-radius:.375rem;background:#fef2f2;color:#991b1b;padding:.75rem;font-size:.875rem;margin:0 0 1rem}",
  "label{display:block;font-size:.875rem;font-weight:500;margin-bottom:.25rem}",
  "input{box-sizing:border-box;display:block;width:100%;border:1px solid #d4d4d8;border-radius:.375rem;",
  "background:#fff;color:inherit;padding:.5rem .75rem;font:inherit;font-size:.875rem}",
  "input:focus{outline:none;border-color:#2563eb;box-shadow:0 0 0 2px rgb(37 99 235/.3)}",
  "button{width:100%;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;padding:.5rem 1rem;",
  "font:inherit;font-size:.875rem;font-weight:500;cursor:pointer}",
  "button:hover{background:#1e40af}",
  "@media (prefers-color-scheme:dark){body{background:#09090b;color:#f4f4f5}",
  ".alert{background:#450a0a;color:#fecaca}input{background:#18181b;border-color:#3f3f46}",
  "button{background:#2563eb}button:hover{background:#3b82f6}}",
].join("");

/** The whole HTML document (UTF-8) of the throttled sign-in answer. */
export function renderThrottledSignInPage(page: ThrottledSignInPage): string {
  const e = escapeHtml;
  return [
    "<!doctype html>",
    `<html lang="${e(page.locale)}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(page.title)}</title><style>${STYLE}</style></head>`,
    '<body><div class="wrap"><main id="main">',
    `<h1>${e(page.title)}</h1>`,
    '<form method="post" action="/login/submit">',
    `<input type="hidden" name="callbackUrl" value="${e(page.callbackUrl)}">`,
    `<p role="alert" class="alert">${e(page.message)}</p>`,
    `<div><label for="email">${e(page.emailLabel)}</label>`,
    `<input id="email" name="email" type="email" autocomplete="username" required value="${e(page.email)}"></div>`,
    `<div><label for="password">${e(page.passwordLabel)}</label>`,
    '<input id="password" name="password" type="password" autocomplete="current-password" required></div>',
    `<button type="submit">${e(page.submitLabel)}</button>`,
    "</form></main></div></body></html>",
  ].join("");
}
