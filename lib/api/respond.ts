import { z } from "zod";
import { HTTP_STATUS, UserFacingError, type ErrorCode } from "../errors";
import { readBodyWithLimit } from "../http/read-body-with-limit";

export function apiError(code: ErrorCode, message: string, fields?: Record<string, string[]>) {
  return Response.json(
    { error: { code, message, ...(fields ? { fields } : {}) } },
    { status: HTTP_STATUS[code] },
  );
}

/** Zod issues as { "customer.email": ["…"] }. */
export function flattenIssues(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new UserFacingError("Validation failed", "validation", flattenIssues(result.error));
  return result.data;
}

/** Reads a JSON body within `maxBytes` (streamed, never held whole when larger): 413, or 400 when not JSON. */
export async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBodyWithLimit(req, maxBytes);
  if (!bytes) throw new UserFacingError("Request body too large", "too_large");
  try {
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch {
    throw new UserFacingError("Malformed JSON", "bad_request");
  }
}

export function toErrorResponse(error: unknown, context: string): Response {
  if (error instanceof UserFacingError) return apiError(error.code, error.message, error.fields);
  console.error(`${context} failed`, error);
  return Response.json({ error: { code: "internal", message: "Internal error" } }, { status: 500 });
}
