import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnsOf } from "../../src/api.js";
import { cell, csvRows, FORMULA_START, listText, startsFormula, toCsv } from "../../src/emit/csv.js";
import { compareRecords } from "../../src/emit/sort.js";
import { toJson } from "../../src/emit/json.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { loadSchema } from "../../src/validate/schemas.js";
import { SEED, seedRecords } from "../helpers.js";

describe("CSV for Excel", () => {
  const cols = ["name", "stops", "value", "note"];
  const csv = toCsv(cols, [
    { name: "包头经鄂尔多斯至榆林高铁", stops: ["包头", "鄂尔多斯", "榆林"], value: 2000, note: null },
    { name: "=HYPERLINK(\"http://x\")", stops: [], value: -1.5, note: "第一行\n第二行" },
    { name: "+86", stops: ["@a"], value: 0, note: "-3%" },
    { name: "\t制表", stops: ["b"], value: 1e-7, note: "\r回车" },
    { name: "含,逗号与\"引号\"", stops: ["=c", "d"], value: 310, note: "" },
  ]);
  const rows = csv.slice(1).split("\r\n");

  it("starts with a UTF-8 BOM, uses CRLF, header = the field names", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(rows[0]).toBe("name,stops,value,note");
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "").includes("\r")).toBe(true); // only inside the quoted "\r回车" cell
  });

  it("arrays are joined with |, numbers stay unquoted numbers, null is empty", () => {
    expect(rows[1]).toBe("包头经鄂尔多斯至榆林高铁,包头|鄂尔多斯|榆林,2000,");
  });

  it("a cell Excel would run as a formula (= + - @ tab CR first) gets a leading apostrophe; numbers do not", () => {
    expect(cell("=1+1")).toBe("'=1+1");
    expect(cell("+86")).toBe("'+86");
    expect(cell("-3%")).toBe("'-3%");
    expect(cell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(cell("\tx")).toBe("'\tx");
    expect(cell("\rx")).toBe("'\rx");
    expect(cell(["=c", "d"])).toBe("'=c|d");
    expect(cell(-1.5)).toBe(-1.5);
    expect(cell("2025年")).toBe("2025年");
    expect(csv).toContain(",-1.5,");
    expect(csv).toContain("'+86,'@a,0,'-3%");
  });

  it("the quick formula check (by the first code unit) is FORMULA_START on every first character, and on the empty text", () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const s = `${String.fromCharCode(c)}x`;
      if (startsFormula(s) !== FORMULA_START.test(s)) differ.push(c);
    }
    expect(differ).toEqual([]);
    expect(startsFormula("")).toBe(false);
  });

  it("a cell with a line break (LF or CR) is quoted, so the row stays one record", () => {
    expect(csv).toContain('"第一行\n第二行"');
    expect(csv).toContain('"\'\r回车"');
  });

  it("commas and quotes are escaped", () => {
    expect(csv).toContain('"含,逗号与""引号"""');
  });

  it("a list is its items joined with | as map(String).join would: the seeds' lists, numbers, nulls and holes", () => {
    let lists = 0;
    for (const recs of Object.values(seedRecords(SEED.annual))) {
      for (const r of recs as Array<Record<string, unknown>>) {
        for (const v of Object.values(r)) if (Array.isArray(v)) { lists++; expect(listText(v)).toBe(v.map(String).join("|")); }
      }
    }
    expect(lists).toBeGreaterThan(0);
    // eslint-disable-next-line no-sparse-arrays
    for (const v of [[], ["包头"], [1, null, undefined, "a"], [, "b", ,]]) expect(listText(v)).toBe(v.map(String).join("|"));
  });

  it("the lines are csv-stringify's for the same cells, whichever records need quoting and in whatever runs", () => {
    // csv-stringify on its own, with the options this CSV is written with
    const byLibrary = (records: Record<string, unknown>[]) =>
      stringify(records.map((r) => cols.map((c) => cell(r[c]))), { record_delimiter: "windows", quoted_match: [/[\r\n]/], cast: { number: (n: number) => String(n) } });
    const text = fc.string({ unit: fc.constantFrom("推", "进", ",", "\"", "\r", "\n", "=", "-", " ", "a", "1", "，", "“"), maxLength: 6 });
    const value = fc.oneof(text, fc.constant(null), fc.integer(), fc.double({ noNaN: true }), fc.array(text, { maxLength: 3 }));
    const record = fc.record({ name: value, stops: value, value: value, note: value });
    fc.assert(fc.property(fc.array(record, { maxLength: 8 }), (records) => { expect(csvRows(cols, records)).toBe(byLibrary(records)); }), { numRuns: 2000 });
  });

  it("a seed batch with one record to quote, anywhere in it, gives csv-stringify's lines; batches with none are the cells joined", () => {
    const byLibrary = (columns: string[], records: Record<string, unknown>[]) =>
      stringify(records.map((r) => columns.map((c) => cell(r[c]))), { record_delimiter: "windows", quoted_match: [/[\r\n]/], cast: { number: (n: number) => String(n) } });
    const recs = seedRecords(SEED.annual) as unknown as Record<string, Array<Record<string, unknown>>>;
    for (const t of RECORD_TYPES) {
      const columns = columnsOf(t), batch = recs[t]!.slice(0, 32);
      if (!batch.length) continue;
      expect(csvRows(columns, batch)).toBe(byLibrary(columns, batch));
      for (const at of [0, batch.length >> 1, batch.length - 1]) {
        for (const edit of [",", "\"", "\n"]) {
          const quoted = batch.map((r, i) => (i === at ? { ...r, quote: `${String(r.quote)}${edit}${String(r.quote)}` } : r));
          expect(csvRows(columns, quoted)).toBe(byLibrary(columns, quoted));
        }
      }
    }
  });

  it("columns of every type are the schema's properties, in schema order", () => {
    for (const t of RECORD_TYPES) {
      const props = Object.keys((loadSchema(t) as { properties: object }).properties);
      expect(columnsOf(t)).toEqual(props);
      expect(props.slice(0, 3)).toEqual(["id", "source_file", "source_line"]);
    }
  });
});

describe("JSON and order", () => {
  it("2-space indent and a trailing newline", () => {
    expect(toJson([{ a: 1 }])).toBe('[\n  {\n    "a": 1\n  }\n]\n');
  });
  it("records sort by source_file, source_line (numerically), id", () => {
    const r = (f: string, l: number, id: string) => ({ source_file: f, source_line: l, id });
    const sorted = [r("b.txt", 1, "a"), r("a.txt", 10, "a"), r("a.txt", 9, "z"), r("a.txt", 10, "0")].sort(compareRecords);
    expect(sorted.map((x) => `${x.source_file}:${x.source_line}:${x.id}`)).toEqual(["a.txt:9:z", "a.txt:10:0", "a.txt:10:a", "b.txt:1:a"]);
  });
});
