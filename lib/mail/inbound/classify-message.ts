import { headerValue, type InboundMail } from "./inbound-mail";
import { parseHeaderBlock } from "./parse-headers";

export interface MailClassification {
  isAutoReply: boolean;
  isBounce: boolean;
  isList: boolean;
  /** Any of the above, or another machine sender: stored, never answered automatically. */
  isAutomatic: boolean;
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

/**
 * DESIGN "Loops": auto-replies (Auto-Submitted, X-Autoreply, X-Loop,
 * X-Auto-Response-Suppress, Precedence auto_reply), bounces (multipart/report
 * delivery status, mailer-daemon), list and bulk mail (Precedence, List-Id)
 * and machine senders are never answered automatically.
 */
export function classifyMessage(mail: InboundMail): MailClassification {
  const reasons: string[] = [];
  const header = (name: string) => headerValue(mail, name);
  const has = (name: string) => header(name) !== null;

  const autoSubmitted = (header("auto-submitted") ?? "").toLowerCase();
  const precedence = (header("precedence") ?? "").toLowerCase().trim();
  let isAutoReply = false;
  if (autoSubmitted && !autoSubmitted.startsWith("no")) {
    isAutoReply = true;
    reasons.push(`Auto-Submitted: ${autoSubmitted}`);
  }
  for (const name of ["x-autoreply", "x-autorespond", "x-auto-response-suppress", "x-loop"]) {
    if (has(name)) {
      isAutoReply = true;
      reasons.push(name);
    }
  }
  if (precedence === "auto_reply") {
    isAutoReply = true;
    reasons.push("Precedence: auto_reply");
  }

  const isList = /^(bulk|list|junk)$/.test(precedence) || has("list-id");
  if (isList) reasons.push(precedence ? `Precedence: ${precedence}` : "List-Id");

  const reports = mail.attachments.filter((a) => REPORT_TYPES.test(a.contentType));
  const isReport =
    mail.contentType === "multipart/report" &&
    /delivery-status/i.test(mail.contentTypeParams["report-type"] ?? "delivery-status");
  const sender = mail.from?.address ?? "";
  const local = sender.split("@")[0] ?? "";
  const isMachine = MACHINE_SENDER.test(local) || (header("return-path") ?? "").trim() === "<>";
  const isBounce =
    isReport ||
    reports.length > 0 ||
    (/^(mailer-daemon|postmaster)$/i.test(local) &&
      /undeliver|deliver(y|ed)|failure|returned|rejected|unzustellbar|nicht zugestellt/i.test(
        mail.subject,
      ));
  if (isBounce) reasons.push("delivery report");
  if (isMachine) reasons.push(`machine sender ${sender || "<>"}`);
  const otherReport = mail.contentType === "multipart/report" && !isBounce;
  if (otherReport) reasons.push(`report ${mail.contentTypeParams["report-type"] ?? ""}`.trim());

  return {
    isAutoReply,
    isBounce,
    isList,
    isAutomatic: isAutoReply || isBounce || isList || isMachine || otherReport,
    reasons,
    failedRecipients: isBounce
      ? [...new Set(reports.flatMap((r) => failedRecipientsOf(r.content.toString("utf8"))))]
      : [],
  };
}
