// AUTH_SECRET from the environment or, in the embedded default, a random one
// generated at first start and kept under the data directory.
import "server-only";
import { readDataSecret } from "./data-secret";

export function readAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  return readDataSecret("auth-secret");
}
