import { isContentionError } from "../../errors";

/** A failure that may pass on retry: the provider should redeliver (5xx), the message is not "failed". */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientError";
  }
}

const TRANSIENT =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection terminated|too many clients|Can't reach database|Timed out fetching a new connection|server closed the connection|\bP10(01|02|08|17)\b|\bP20(24|34)\b|\b(57P01|57P03|53300)\b/i;

/** Database and network trouble (retry later) as opposed to a message we can never process. */
export function isTransientError(error: unknown): boolean {
  if (error instanceof TransientError || isContentionError(error)) return true;
  const name = (error as { name?: string })?.name ?? "";
  if (name === "PrismaClientInitializationError" || name === "PrismaClientRustPanicError")
    return true;
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as { message?: string })?.message ?? String(error)}`;
  return TRANSIENT.test(text);
}
