// A recording SMTP server for tests (smtp-server, the library nodemailer's
// authors keep): accepts every message and keeps its raw bytes; can refuse the
// next messages with a temporary error.
import { SMTPServer } from "smtp-server";
import { freePort } from "./free-port";

export interface SmtpMessage {
  from: string;
  to: string[];
  raw: Buffer;
}

export interface SmtpSink {
  url: string;
  messages: SmtpMessage[];
  /** Attempts to send (accepted or refused), in order. */
  attempts: () => number;
  /** The next `count` messages are answered 451 (try again later). */
  failNext: (count: number) => void;
  close: () => Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const port = await freePort();
  const messages: SmtpMessage[] = [];
  let failing = 0;
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        attempts++;
        if (failing > 0) {
          failing--;
          const error = Object.assign(new Error("Try again later"), { responseCode: 451 });
          return callback(error);
        }
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    attempts: () => attempts,
    failNext: (count) => (failing = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
