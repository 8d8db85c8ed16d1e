import { describe, expect, it } from "vitest";
import de from "./messages/de";
import en from "./messages/en";
import { format, negotiateLocale } from "./translate";

function keys(value: object, prefix = ""): string[] {
  return Object.entries(value).flatMap(([k, v]) =>
    typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("i18n", () => {
  it("negotiates the browser language", () => {
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.8")).toBe("de");
    expect(negotiateLocale("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.8")).toBe("en");
    expect(negotiateLocale("fr")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });

  it("has every English key in German, with the same placeholders", () => {
    expect(keys(de)).toEqual(keys(en));
    const flat = (m: object): Record<string, string> =>
      Object.fromEntries(
        keys(m).map((k) => [
          k,
          k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], m) as string,
        ]),
      );
    const enFlat = flat(en);
    const deFlat = flat(de);
    for (const key of Object.keys(enFlat)) {
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(deFlat[key]), key).toEqual(placeholders(enFlat[key]));
    }
  });

  it("fills placeholders", () => {
    expect(format("{count} open", { count: 3 })).toBe("3 open");
    expect(format("{missing}", {})).toBe("{missing}");
    expect(format("{a} and {b}", { a: 1, b: undefined })).toBe("1 and {b}");
  });
});
