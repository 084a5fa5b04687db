import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordSets } from "../e2e/formats-compare.js";

/**
 * Every Word original in ../shared/corpus/docx against its plain-text twin in
 * corpus/dev or corpus/wild: the same records, field for field, with the same
 * source_line. Only `source_file` (x.docx vs x.txt, the input's own name) and
 * the `id` (which hashes source_file) differ.
 */
const CORPUS = join(import.meta.dirname, "..", "..", "..", "shared", "corpus");
const DOCX = join(CORPUS, "docx");
const twins = existsSync(DOCX) ? readdirSync(DOCX).filter((f) => f.endsWith(".docx")).sort() : [];

function twinOf(docx: string): string | null {
  for (const dir of ["dev", "wild"]) {
    const p = join(CORPUS, dir, basename(docx, ".docx") + ".txt");
    if (existsSync(p)) return p;
  }
  return null;
}

/** x.docx and x.txt are different inputs: their own names, and the ids that hash them, differ. */
const recordsOf = (path: string) => recordSets(path, ["id", "source_file"]);

describe.skipIf(!twins.length)("each .docx gives its .txt twin's records", () => {
  it("has all 19 twins", () => {
    expect(twins.length).toBe(19);
    expect(twins.filter((d) => !twinOf(d))).toEqual([]);
  });
  it.each(twins)("%s", async (docx) => {
    const txt = twinOf(docx)!;
    const [a, b] = await Promise.all([recordsOf(join(DOCX, docx)), recordsOf(txt)]);
    expect(a).toEqual(b);
    expect(Object.values(a).reduce((n, r) => n + r.length, 0)).toBeGreaterThan(0);
    expect(a.documents).toHaveLength(1);
  });
});
