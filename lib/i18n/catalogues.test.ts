// Both catalogues must offer the same keys, and each message the same ICU arguments
// (same names, same kinds: plain, plural, select, date…) — a German text that drops or
// renames {count} would otherwise only fail in front of a user.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { catalogues } from "./catalogues";
import { LOCALES } from "./locales";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const KIND: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: "plain",
  [TYPE.number]: "number",
  [TYPE.date]: "date",
  [TYPE.time]: "time",
  [TYPE.select]: "select",
  [TYPE.plural]: "plural",
  [TYPE.tag]: "tag",
};

/** "name:kind" for every argument, including those nested in plural/select branches. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const el of elements) {
    const kind = KIND[el.type];
    if (kind && "value" in el && typeof el.value === "string") into.add(`${el.value}:${kind}`);
    if (el.type === TYPE.select || el.type === TYPE.plural) {
      if (el.type === TYPE.select)
        into.add(`${el.value}:options=${Object.keys(el.options).sort()}`);
      for (const option of Object.values(el.options)) argumentsOf(option.value, into);
    }
    if (el.type === TYPE.tag) argumentsOf(el.children, into);
  }
  return into;
}

const flat = Object.fromEntries(
  LOCALES.map((locale) => [locale, flatten(catalogues[locale] as unknown as Tree)]),
);

describe("message catalogues", () => {
  it("have the same keys in every language", () => {
    const [first, ...rest] = LOCALES;
    for (const locale of rest) {
      expect([...flat[locale].keys()].sort()).toEqual([...flat[first].keys()].sort());
    }
  });

  it("parse as ICU messages, with the same arguments in every language", () => {
    const mismatches: string[] = [];
    for (const key of flat.en.keys()) {
      const [en, ...others] = LOCALES.map((locale) => {
        const text = flat[locale].get(key);
        if (text === undefined) return "(missing)";
        return [...argumentsOf(parse(text))].sort().join(", ");
      });
      others.forEach((args, i) => {
        if (args !== en) mismatches.push(`${key}: en [${en}] vs ${LOCALES[i + 1]} [${args}]`);
      });
    }
    expect(mismatches).toEqual([]);
  });

  it("catch a renamed argument (the check itself can fail)", () => {
    const en = [...argumentsOf(parse("{count, plural, one {# ticket} other {# tickets}}"))];
    const de = [...argumentsOf(parse("{anzahl, plural, one {# Ticket} other {# Tickets}}"))];
    expect(de).not.toEqual(en);
  });
});
