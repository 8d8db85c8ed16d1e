import libmime from "libmime";
import { isPlausibleEmail } from "../inbound/parse-address";

/**
 * A From/To header value `"Display Name" <address>` that cannot inject a header: control
 * characters (CR, LF, tabs …) in the name become spaces; a printable ASCII name is written
 * as an RFC 5322 quoted string (`"` and `\` escaped, so quotes, commas and angle brackets
 * stay part of the name); any other name as one RFC 2047 encoded word (UTF-8, base64 —
 * libmime). Throws on an address that is not a plain, plausible e-mail address.
 */
export function formatMailbox(options: { name: string; address: string }): string {
  const address = options.address.trim();
  if (!isPlausibleEmail(address))
    throw new Error(`not a mailbox address: ${JSON.stringify(address)}`);
  const name = options.name
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
  if (!name) return address;
  if (/^[\x20-\x7e]*$/.test(name) && !/=\?/.test(name)) {
    return `"${name.replace(/(["\\])/g, "\\$1")}" <${address}>`;
  }
  return `${libmime.encodeWord(name, "B")} <${address}>`;
}
