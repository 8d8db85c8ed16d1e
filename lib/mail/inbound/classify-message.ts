import { headerValue, type InboundMail } from "./inbound-mail";
import { parseHeaderBlock } from "./parse-headers";

export interface MailClassification {
  /**
   * Sent by a program, not a person: stored and marked, never reopens a
   * ticket or starts a follow-up ticket, never notifies agents as a customer
   * follow-up, never answered automatically.
   */
  isAutomatic: boolean;
  /** A delivery report (bounce); its failed recipients may be marked bouncing. */
  isBounce: boolean;
  /**
   * Must not be answered automatically: every automatic mail, plus mail whose
   * headers ask not to be answered. A person's mail carrying such a header is
   * still an ordinary follow-up.
   */
  isNoAutoResponse: boolean;
  reasons: string[];
  /** Recipients a report claims failed permanently; checked against our mail before marking. */
  failedRecipients: string[];
}

const MACHINE_SENDER = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?)([+.-].*)?$/i;
const REPORT_TYPES = /^(message\/(delivery-status|global-delivery-status))$/;

/** Per-recipient blocks of a message/delivery-status part (RFC 3464). */
function failedRecipientsOf(report: string): string[] {
  const failed: string[] = [];
  for (const block of report.split(/\r?\n\s*\r?\n/)) {
    const fields = new Map(parseHeaderBlock(block));
    const recipient = fields.get("final-recipient") ?? fields.get("original-recipient");
    if (!recipient) continue;
    const action = (fields.get("action") ?? "").toLowerCase();
    const status = fields.get("status") ?? "";
    if (action === "failed" || (!action && /^5\./.test(status))) {
      const address = recipient
        .replace(/^[^;]*;/, "")
        .trim()
        .replace(/^<|>$/g, "")
        .toLowerCase();
      if (address.includes("@")) failed.push(address);
    }
  }
  return failed;
}

/** Values of X-Auto-Response-Suppress (MS-OXCMAIL 2.2.3.2.20) that cover our auto-response. */
const SUPPRESSES_AUTO_REPLY = /^(all|autoreply|oof)$/i;
const NEGATIVE = /^(no|false|0)$/i;

/**
 * DESIGN "Automatic mail vs. mail not to answer" — why each header counts is
 * in docs/inbound.md. Automatic: Auto-Submitted other than `no` (RFC 3834),
 * reports (multipart/report: delivery status, read receipts, feedback),
 * Exchange-generated mail (`X-MS-Exchange-Generated-Message-Source`,
 * `X-MS-Exchange-Inbox-Rules-Loop`), `Precedence: auto_reply`,
 * `X-Autoreply`/`X-Autorespond`, machine senders and the null return path.
 * Not to be answered (but a person's mail for all else):
 * `X-Auto-Response-Suppress` with All/AutoReply/OOF, `Precedence:
 * bulk|list|junk`, `List-Id`, `X-Loop`. The desk's own addresses are added by
 * the caller (they need the database).
 */
export function classifyMessage(mail: InboundMail): MailClassification {
  const automatic: string[] = [];
  const noAnswer: string[] = [];
  const header = (name: string) => headerValue(mail, name)?.trim() ?? null;

  const autoSubmitted = (header("auto-submitted") ?? "").toLowerCase();
  if (autoSubmitted && !/^no\b/.test(autoSubmitted))
    automatic.push(`Auto-Submitted: ${autoSubmitted}`);
  for (const name of ["x-ms-exchange-generated-message-source", "x-ms-exchange-inbox-rules-loop"])
    if (header(name) !== null) automatic.push(name);
  for (const name of ["x-autoreply", "x-autorespond"]) {
    const value = header(name);
    if (value !== null && !NEGATIVE.test(value)) automatic.push(name);
  }
  const precedence = (header("precedence") ?? "").toLowerCase();
  if (precedence === "auto_reply") automatic.push("Precedence: auto_reply");

  const suppress = (header("x-auto-response-suppress") ?? "")
    .split(/[\s,;]+/)
    .filter((value) => SUPPRESSES_AUTO_REPLY.test(value));
  if (suppress.length) noAnswer.push(`X-Auto-Response-Suppress: ${suppress.join(", ")}`);
  if (/^(bulk|list|junk)$/.test(precedence)) noAnswer.push(`Precedence: ${precedence}`);
  if (header("list-id") !== null) noAnswer.push("List-Id");
  if (header("x-loop") !== null) noAnswer.push("X-Loop");

  const reports = mail.attachments.filter((a) => REPORT_TYPES.test(a.contentType));
  const reportType = (mail.contentTypeParams["report-type"] ?? "").toLowerCase();
  const isReport = mail.contentType === "multipart/report";
  const sender = mail.from?.address ?? "";
  const local = sender.split("@")[0] ?? "";
  const isBounce =
    (isReport && (!reportType || reportType.includes("delivery-status"))) ||
    reports.length > 0 ||
    (/^(mailer-daemon|postmaster)$/i.test(local) &&
      /undeliver|deliver(y|ed)|failure|returned|rejected|unzustellbar|nicht zugestellt/i.test(
        mail.subject,
      ));
  if (isBounce) automatic.push("delivery report");
  else if (isReport) automatic.push(`report ${reportType}`.trim());
  if (MACHINE_SENDER.test(local)) automatic.push(`machine sender ${sender}`);
  if (header("return-path") === "<>") automatic.push("null return path");

  const isAutomatic = automatic.length > 0;
  return {
    isAutomatic,
    isBounce,
    isNoAutoResponse: isAutomatic || noAnswer.length > 0,
    reasons: [...automatic, ...noAnswer],
    failedRecipients: isBounce
      ? [...new Set(reports.flatMap((r) => failedRecipientsOf(r.content.toString("utf8"))))]
      : [],
  };
}
