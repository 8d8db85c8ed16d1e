import { convert } from "html-to-text";
import { describeCalendar } from "./describe-calendar";
import type { InboundMail } from "./inbound-mail";
import { stripNul } from "./inbound-mail";
import { isTnef, unpackTnef } from "./unpack-tnef";

const CALENDAR = /^(text\/calendar|application\/ics)$/;

/**
 * Makes what Outlook and calendar clients pack visible in the article:
 * - winmail.dat (TNEF): its attachments are added next to the original file
 *   (kept too), and its body becomes the text when the mail has none;
 * - an invitation (text/calendar) in a mail without text of its own: the text
 *   says what it is (summary, start/end with time zone, location, organiser).
 */
export async function expandMail(mail: InboundMail): Promise<InboundMail> {
  const expanded = { ...mail, attachments: [...mail.attachments] };
  for (const attachment of mail.attachments.filter(isTnef)) {
    const unpacked = await unpackTnef(attachment.content);
    if (!unpacked) continue;
    expanded.attachments.push(...unpacked.attachments);
    if (!expanded.text.trim() && !expanded.html) {
      if (unpacked.html) {
        expanded.html = stripNul(unpacked.html);
        expanded.text = stripNul(convert(unpacked.html, { wordwrap: false }));
      } else if (unpacked.text) expanded.text = stripNul(unpacked.text);
    }
  }
  if (!expanded.text.trim()) {
    const descriptions = mail.attachments
      .filter((a) => CALENDAR.test(a.contentType))
      .map((a) => describeCalendar(a.content.toString("utf8")))
      .filter((text): text is string => !!text);
    // Invitations often carry the same calendar twice (text/calendar and an .ics file).
    const unique = [...new Set(descriptions)];
    if (unique.length) expanded.text = stripNul(unique.join("\n\n"));
  }
  return expanded;
}
