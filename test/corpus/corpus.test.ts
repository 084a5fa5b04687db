import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RecordType } from "../../src/generated/records.js";
import { keyRecords, type CorpusFile } from "./corpus.js";

/**
 * The rules corpus, one table per record type (test/corpus/<type>.json): each
 * case is a real sentence and the key fields of every record it must give; each
 * negative is a sentence that must give none of that type. A rule change that
 * moves any of them fails here, naming the sentence. To add a rule, add the
 * sentence that needs it (and one that must not trigger it) to the file.
 */
const TYPES: RecordType[] = ["targets", "projects", "railways", "highways", "subsidies"];
const load = (t: RecordType) => JSON.parse(readFileSync(join(import.meta.dirname, `${t}.json`), "utf8")) as CorpusFile;

describe.each(TYPES)("%s corpus", (type) => {
  const file = load(type);
  it("has cases and negatives", () => {
    expect(file.cases.length).toBeGreaterThan(0);
    expect(file.negative.length + file.cases.length).toBeGreaterThan(5);
  });
  it.each(file.cases.map((c) => [c.id, c] as const))("%s gives its records", (_id, c) => {
    expect(keyRecords(type, c.text, c.doc)).toEqual(c.expect);
  });
  it.each(file.negative.map((c) => [c.id, c] as const))("%s gives none", (_id, c) => {
    expect(keyRecords(type, c.text, c.doc)).toEqual([]);
  });
});
