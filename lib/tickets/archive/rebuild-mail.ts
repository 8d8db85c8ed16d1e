import MailComposer from "nodemailer/lib/mail-composer";

export interface RebuildMailInput {
  from: string;
  to: string;
  cc: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string | null;
  date: Date;
  attachments: {
    filename: string;
    contentType: string;
    contentId: string | null;
    content: Buffer;
  }[];
}

/**
 * An RFC 5322 message (bytes of an `.eml`) rebuilt from a stored article: for
 * mail the desk sent (it keeps the parts, not the bytes it handed the
 * provider) and for inbound mail whose raw message is no longer kept.
 * Built by nodemailer's MailComposer; the stored Message-ID is kept so the
 * rebuilt file threads like the original.
 */
export async function rebuildMail(input: RebuildMailInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: input.from || undefined,
    to: input.to || undefined,
    cc: input.cc || undefined,
    subject: input.subject,
    text: input.text,
    html: input.html ?? undefined,
    messageId: input.messageId ?? undefined,
    inReplyTo: input.inReplyTo ?? undefined,
    references: input.references ?? undefined,
    date: input.date,
    attachments: input.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      cid: a.contentId ?? undefined,
      content: a.content,
    })),
  });
  return composer.compile().build();
}
