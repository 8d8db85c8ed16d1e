// Keyset (cursor) pagination over a list of sort keys: the cursor holds the last row's
// values of every key, and the next page is "every row after it" — no OFFSET, so page
// 100 costs what page 1 costs when an index serves the order. The last key must be
// unique (the ticket id), so ties in the others never lose or repeat a row.
// The previous page is the same walk backwards: the rows before the first row's key, in
// the reversed order (nulls first), the `limit` nearest taken, then turned back round.

export type KeyValue = number | string | null;

export interface SortKey {
  field: string;
  direction: "asc" | "desc";
  /** The column can be null; nulls sort after every value (both directions). */
  nullable?: boolean;
  /** A Date column: values travel through the cursor as ISO strings. */
  isDate?: boolean;
}

type Where = Record<string, unknown>;

/** Prisma `orderBy` for the keys (nulls last where nullable). */
export function orderByKeys(keys: SortKey[]) {
  return keys.map((k) => ({
    [k.field]: k.nullable ? { sort: k.direction, nulls: "last" } : k.direction,
  }));
}

/**
 * Prisma `orderBy` for walking the keys backwards: every direction turned round and, where
 * nullable, nulls first (they sort last going forward). Rows read in it are reversed again.
 */
export function reversedOrderByKeys(keys: SortKey[]) {
  return keys.map((k) => {
    const direction = k.direction === "asc" ? "desc" : "asc";
    return { [k.field]: k.nullable ? { sort: direction, nulls: "first" } : direction };
  });
}

/**
 * The order of the keys as segments read one after the other, each on one index range: a
 * nullable first key is read as its values and then its nulls (going back: nulls first,
 * then the values reversed). "Nulls last" is an expression (Prisma writes it on SQLite as
 * `CASE WHEN … IS NULL`) that no index serves, so one query sorted every row of the queue.
 */
export function orderSegments(
  keys: SortKey[],
  backwards: boolean,
): { where: Where; orderBy: Record<string, unknown>[] }[] {
  const order = backwards ? reversedOrderByKeys : orderByKeys;
  const [first, ...rest] = keys;
  if (!first?.nullable) return [{ where: {}, orderBy: order(keys) }];
  const turned = first.direction === "asc" ? "desc" : "asc";
  const values = {
    where: { [first.field]: { not: null } },
    orderBy: [{ [first.field]: backwards ? turned : first.direction }, ...order(rest)],
  };
  const nulls = { where: { [first.field]: null }, orderBy: order(rest) };
  return backwards ? [nulls, values] : [values, nulls];
}

/**
 * A comparator for rows in a Prisma `orderBy` of this module (`{ field: "asc" | "desc" }` or
 * `{ field: { sort, nulls } }`), ordering as the database's ORDER BY does, for merging rows
 * read in several statements. Dates compare by time, numbers by value (no text key is
 * merged: JavaScript's order of strings is not a collation). A null sorts where `nulls`
 * says; without it, as the smallest value (every nullable key here says).
 */
export function compareByOrder(orderBy: Record<string, unknown>[]) {
  const terms = orderBy.map((term) => {
    const [field, spec] = Object.entries(term)[0]!;
    const { sort, nulls } =
      typeof spec === "string"
        ? { sort: spec, nulls: undefined }
        : (spec as { sort: string; nulls?: string });
    return { field, sign: sort === "desc" ? -1 : 1, nulls };
  });
  const scalar = (v: unknown) => (v instanceof Date ? v.getTime() : (v as number | string));
  return (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const { field, sign, nulls } of terms) {
      const x = a[field] ?? null;
      const y = b[field] ?? null;
      if (x === null && y === null) continue;
      if (x === null || y === null) {
        const nullFirst = nulls ? nulls === "first" : sign === 1;
        return (x === null) === nullFirst ? -1 : 1;
      }
      const [p, q] = [scalar(x), scalar(y)];
      if (p !== q) return (p < q ? -1 : 1) * sign;
    }
    return 0;
  };
}

const value = (key: SortKey, v: KeyValue) => (key.isDate && v !== null ? new Date(v) : v);

/** One key's "strictly after" (or "before") condition; null when nothing qualifies there. */
function beyondKey(key: SortKey, v: KeyValue, side: "after" | "before"): Where | null {
  if (side === "before") {
    // With nulls last, every value is before a null, and null is before nothing.
    if (v === null) return { [key.field]: { not: null } };
    return { [key.field]: { [key.direction === "asc" ? "lt" : "gt"]: value(key, v) } };
  }
  // With nulls last, anything is after a value if null, and nothing is after null.
  if (v === null) return null;
  const beyond = { [key.field]: { [key.direction === "asc" ? "gt" : "lt"]: value(key, v) } };
  return key.nullable ? { OR: [beyond, { [key.field]: null }] } : beyond;
}

/** The OR over i of (keys before i equal to `values`, key i beyond its value on `side`). */
function beyondKeys(keys: SortKey[], values: KeyValue[], side: "after" | "before"): Where {
  const terms: Where[] = [];
  keys.forEach((key, i) => {
    const term = beyondKey(key, values[i], side);
    if (!term) return;
    const equalBefore = keys
      .slice(0, i)
      .map((k, j) => ({ [k.field]: values[j] === null ? null : value(k, values[j]) }));
    terms.push({ AND: [...equalBefore, term] });
  });
  // The first key's bound (implied by the OR) lets the index seek to the cursor instead of
  // walking the queue from its start; a nullable key would need an OR with its nulls.
  const [first] = keys;
  if (!first || first.nullable || values[0] === null) return { OR: terms };
  const up = (side === "after") === (first.direction === "asc");
  return {
    AND: [{ [first.field]: { [up ? "gte" : "lte"]: value(first, values[0]) } }, { OR: terms }],
  };
}

/**
 * The cursor's condition inside one segment of orderSegments (`segment.where`): rows strictly
 * after (or before) `values` that the segment holds. Null: every row of the segment
 * qualifies; false: none does (the segment is skipped). In a segment the nullable first key
 * is fixed to "a value" or "null", so the condition drops the branch the segment excludes:
 * an OR with it kept the id bound out of the index condition, and PostgreSQL walked the
 * whole table (BENCHMARKS.md, seventh round).
 */
export function segmentPosition(
  keys: SortKey[],
  segmentWhere: Where,
  values: KeyValue[],
  side: "after" | "before",
): Where | null | false {
  const [first, ...rest] = keys;
  if (!first?.nullable || !(first.field in segmentWhere)) return beyondKeys(keys, values, side);
  const inNulls = segmentWhere[first.field] === null;
  if (values[0] === null) {
    // From a row without a value: the other nulls by the remaining keys; every value is
    // before it, none after it.
    if (inNulls) return beyondKeys(rest, values.slice(1), side);
    return side === "before" ? null : false;
  }
  // From a row with a value: every null is after it, none before it.
  if (inNulls) return side === "after" ? null : false;
  return beyondKeys([{ ...first, nullable: false }, ...rest], values, side);
}

/** Prisma `where` part: rows strictly after `values` in the order of `keys`. */
export const afterKeys = (keys: SortKey[], values: KeyValue[]): Where =>
  beyondKeys(keys, values, "after");

/** Prisma `where` part: rows strictly before `values` in the order of `keys` (going back). */
export const beforeKeys = (keys: SortKey[], values: KeyValue[]): Where =>
  beyondKeys(keys, values, "before");

/** The row's key values, in key order (Dates as ISO strings). */
export function keyValues(keys: SortKey[], row: Record<string, unknown>): KeyValue[] {
  return keys.map((k) => {
    const v = row[k.field];
    if (v === null || v === undefined) return null;
    return v instanceof Date ? v.toISOString() : (v as number | string);
  });
}

/** An opaque cursor for the URL: the sort's name and the key values, base64url JSON. */
export function encodeCursor(sort: string, values: KeyValue[]) {
  return Buffer.from(JSON.stringify([sort, ...values])).toString("base64url");
}

/** The key values of a cursor made for `sort` with `length` keys, or null when it does not fit. */
export function decodeCursor(cursor: string, sort: string, length: number): KeyValue[] | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed[0] !== sort || parsed.length !== length + 1) return null;
    const values = parsed.slice(1);
    const fits = values.every((v) => v === null || typeof v === "number" || typeof v === "string");
    return fits ? (values as KeyValue[]) : null;
  } catch {
    return null;
  }
}
