import fc from "fast-check";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toJson } from "../../src/emit/json.js";
import { RecordReader } from "../../src/merge/record-reader.js";

const dir = mkdtempSync(join(tmpdir(), "record-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (text: string) => { const p = join(dir, `f${n++}.json`); writeFileSync(p, text); return p; };
const readAll = (r: RecordReader) => { const out: unknown[] = []; for (let x; (x = r.next()) !== null;) out.push(x); return out; };

/** records shaped like the tool's: strings with braces, quotes, escaped line breaks and CJK; nested objects and arrays */
const record = fc.record({
  id: fc.string(),
  source_file: fc.constantFrom("a.txt", "b.txt"),
  quote: fc.string({ unit: fc.constantFrom("推", "进", "}", "{", "\n", "\"", " ", "\\", "é", "𠀋") }),
  value: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
  units: fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  nested: fc.option(fc.record({ a: fc.integer(), b: fc.array(fc.record({ c: fc.string({ maxLength: 3 }) }), { maxLength: 2 }) })),
});

describe("RecordReader: a <type>.json read record by record", () => {
  it("gives back exactly the records toJson wrote, whatever the piece size (pieces split records, markers and UTF-8 characters)", () => {
    fc.assert(fc.property(fc.array(record, { maxLength: 8 }), fc.integer({ min: 1, max: 64 }), (recs, piece) => {
      const r = new RecordReader(file(toJson(recs)), piece);
      expect(readAll(r)).toEqual(JSON.parse(toJson(recs)));
      expect(r.next()).toBeNull();
    }), { numRuns: 300 });
  });

  it("peek does not take the record", () => {
    const r = new RecordReader(file(toJson([{ id: "1" }, { id: "2" }])), 5);
    expect(r.peek()).toEqual({ id: "1" });
    expect(r.next()).toEqual({ id: "1" });
    expect(r.peek()).toEqual({ id: "2" });
    expect(readAll(r)).toEqual([{ id: "2" }]);
  });

  it("an empty file of records, a cut-off file and a foreign layout", () => {
    expect(new RecordReader(file("[]\n")).next()).toBeNull();
    const cut = toJson([{ id: "1", quote: "推进" }, { id: "2" }]);
    const r = new RecordReader(file(cut.slice(0, cut.length - 12)), 8);
    expect(r.next()).toEqual({ id: "1", quote: "推进" });
    expect(() => r.next()).toThrow(/ends inside a record/);
    expect(() => new RecordReader(file(JSON.stringify([{ id: "1" }]))).next()).toThrow(/ends inside a record/);
    expect(() => new RecordReader(file("{\"id\": 1}")).next()).toThrow(/not the layout/);
  });
});
