// No user-facing text is written into components: JSX text and user-visible attributes
// (aria-label, title, placeholder, alt, label, hint…) must come from the catalogues.
// Scans every .tsx under app/ and components/ with the TypeScript parser.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
  "hint",
  "summary",
]);
/** Text with a letter in it is words; "#", "·", "→", "(", digits are not. */
const hasWords = (text: string) => /\p{L}/u.test(text);

/** "file:line: text" for each hard-coded user-facing string in one .tsx source. */
export function findHardCodedStrings(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${fileName}:${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(file))) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value
          : value && ts.isJsxExpression(value) && value.expression
            ? value.expression
            : undefined;
      if (
        literal &&
        (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) &&
        hasWords(literal.text)
      ) {
        report(node, `${node.name.getText(file)}="${literal.text}"`);
      }
    }
    // A string literal as a JSX child: {"Save"}.
    if (
      ts.isJsxExpression(node) &&
      node.expression &&
      (ts.isStringLiteral(node.expression) ||
        ts.isNoSubstitutionTemplateLiteral(node.expression)) &&
      ts.isJsxElement(node.parent) &&
      hasWords(node.expression.text)
    ) {
      report(node, node.expression.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function tsxFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(full);
    return entry.name.endsWith(".tsx") ? [full] : [];
  });
}

describe("components", () => {
  it("hard-code no user-facing text", () => {
    const found = ["app", "components"]
      .flatMap((dir) => tsxFiles(path.join(ROOT, dir)))
      .flatMap((file) =>
        findHardCodedStrings(path.relative(ROOT, file), fs.readFileSync(file, "utf8")),
      );
    expect(found).toEqual([]);
  });

  it("the scan finds text, visible attributes and string children, not symbols or class names", () => {
    const found = findHardCodedStrings(
      "x.tsx",
      `export const X = () => (
        <div className="p-2" data-testid="x-y">
          Save
          <input placeholder="Your name" aria-label={"Search"} type="text" />
          <b title={\`Hint\`}>{"Send"}</b>
          <span>#</span> · {" "} {t("ok")} <i>{count}</i>
        </div>
      );`,
    );
    expect(found).toEqual([
      "x.tsx:3: Save",
      'x.tsx:4: placeholder="Your name"',
      'x.tsx:4: aria-label="Search"',
      'x.tsx:5: title="Hint"',
      "x.tsx:5: Send",
    ]);
  });
});
