// The docs' tables that scripts/bench writes from its run (bench/lib/doc-tables.mjs) are there,
// filled, in the files that show them: a block left empty or lost fails here.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { ENTRIES, importPath } from "../../scripts/entries.mjs";

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** The text between `<!-- bench:name -->` and its end in `text`, or null. */
function block(text, name) {
  const match = new RegExp(`<!-- bench:${name} -->\\n([\\s\\S]*?)<!-- /bench:${name} -->`).exec(text);
  return match === null ? null : match[1].trim();
}

test("docs/speed-and-size.md has every table of the bench run, filled", () => {
  const docs = read("docs/speed-and-size.md");
  assert.match(block(docs, "run") ?? "", /^Date: \d{4}-\d{2}-\d{2}T/);
  for (const name of ["analyze", "keystroke", "size", "worker"]) {
    const table = block(docs, name);
    assert.ok(table !== null, `no ${name} block`);
    assert.ok(table.split("\n").length >= 3, `the ${name} table is empty`);
  }
  assert.match(block(docs, "analyze"), /sms-counter/);
});

test("the package README and the docs show every entry's size from the same run", () => {
  const sizes = [block(read("src/js/README.md"), "size"), block(read("docs/speed-and-size.md"), "size")];
  assert.equal(sizes[0], sizes[1]);
  for (const entry of ENTRIES) assert.ok(sizes[0].includes(`\`${importPath(entry)}\``), importPath(entry));
});
