import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { ingestBytes } from "../../src/ingest/index.js";

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

async function recordsOf(path: string) {
  const src = await ingestBytes(basename(path), readFileSync(path));
  const { records } = extractSource(src);
  // records on one line are ordered by id, which hashes the file name: compare them in a content order
  return Object.fromEntries(RECORD_TYPES.map((t) => [t, (records[t] as Array<Record<string, unknown>>)
    .map(({ id: _id, source_file: _f, ...rest }) => JSON.stringify(rest)).sort().map((s) => JSON.parse(s) as Record<string, unknown>)]));
}

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
  });
});
