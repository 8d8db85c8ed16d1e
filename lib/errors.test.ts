import { expect, it } from "vitest";
import { isContentionError } from "./errors";
import { isTransientError } from "./mail/inbound/is-transient-error";

it("tells write contention from other failures", () => {
  expect(isContentionError(new Error("SqliteError: database is locked"))).toBe(true);
  expect(isContentionError({ code: "40001", message: "could not serialize access" })).toBe(true);
  expect(isContentionError(new Error("deadlock detected"))).toBe(true);
  expect(isContentionError(new Error("Unique constraint failed"))).toBe(false);
  // Contention is transient for inbound mail too, and so is a database that is away.
  expect(isTransientError(new Error("database is locked"))).toBe(true);
  expect(isTransientError(new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe(true);
  expect(isTransientError(new Error("could not parse the message"))).toBe(false);
});
