import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/api.js";
import { codebookRows, libreOfficeCsvFilter } from "../../src/emit/codebook.js";
import { FORMULA_START } from "../../src/emit/csv.js";
import { fieldsOf, readingOrder, type FieldInfo } from "../../src/emit/fields.js";
import { RECORD_TYPES, type RecordType } from "../../src/generated/records.js";
import { SEEDS } from "../helpers.js";
import { readFods, type Cell, type Sheet } from "./fods.js";
import { convert, sofficeMissing } from "./soffice.js";

/**
 * Issue 13, in a real spreadsheet program: LibreOffice Calc (headless) opens the
 * workbook and each CSV of a seed build, converts them to flat ODS, and every
 * cell is compared with the JSON: Chinese intact, numbers numeric and exact, no
 * formula, one row per record.
 */
const base = mkdtempSync(join(tmpdir(), "calc-"));
const out = join(base, "out");
const conv = join(base, "conv");
afterAll(() => rmSync(base, { recursive: true, force: true }));

type Rec = Record<string, unknown>;
let records: Record<RecordType, Rec[]>;
let workbook: Sheet[];
const csvPlain = new Map<string, Sheet>();
const csvTyped = new Map<string, Sheet>();
/** the CSVs opened with their column types (the README's advice), in their own runs: one filter per type */
const TYPED: RecordType[] = ["documents", "targets"];

const fods = (dir: string, name: string) => readFods(readFileSync(join(dir, name.replace(/\.\w+$/, ".fods")), "utf8"));

beforeAll(async () => {
  const missing = sofficeMissing();
  if (missing) throw new Error(missing);
  const res = await build({ inputs: [SEEDS], out, cacheDir: null });
  expect(res.written).toBe(true);
  records = Object.fromEntries(RECORD_TYPES.map((t) => [t, JSON.parse(readFileSync(join(out, `${t}.json`), "utf8"))])) as Record<RecordType, Rec[]>;
  const dirs = { xlsx: join(conv, "xlsx"), plain: join(conv, "plain"), ...Object.fromEntries(TYPED.map((t) => [t, join(conv, t)])) };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const runs = [
    () => convert({ files: [join(out, "policy-extract.xlsx")], to: "fods", outdir: dirs.xlsx }),
    () => convert({ files: RECORD_TYPES.map((t) => join(out, `${t}.csv`)), to: "fods", outdir: dirs.plain, infilter: "CSV:44,34,76,1" }),
    ...TYPED.map((t) => () => convert({ files: [join(out, `${t}.csv`)], to: "fods", outdir: join(conv, t), infilter: libreOfficeCsvFilter(t) })),
  ];
  // two at a time (the machine has two cores), each with its own profile
  for (let i = 0; i < runs.length; i += 2) await Promise.all(runs.slice(i, i + 2).map((r) => r()));
  workbook = fods(dirs.xlsx, "policy-extract.xlsx");
  for (const t of RECORD_TYPES) csvPlain.set(t, fods(dirs.plain, `${t}.csv`)[0]!);
  for (const t of TYPED) csvTyped.set(t, fods(join(conv, t), `${t}.csv`)[0]!);
}, 300_000);

const hasCjk = (s: string) => /[\u3400-\u9fff]/.test(s);
/** What a spreadsheet shows as an empty cell: null, an empty list, an empty text (a CSV cannot tell them apart). */
const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length);
const where = (t: string, r: Rec, f: string) => `${t} ${String(r.source_file)}:${String(r.source_line)} ${f}`;

/** A workbook cell is what the schema says: text, an exact number, a date, or empty. */
function expectTyped(t: RecordType, f: FieldInfo, v: unknown, c: Cell | undefined, r: Rec): void {
  const at = where(t, r, f.name);
  const cell = c ?? { type: "empty", value: "", text: "", formula: null, style: null };
  expect(cell.formula, at).toBeNull();
  if (isEmpty(v)) { expect(cell.type, at).toBe("empty"); return; }
  if (typeof v === "number") { expect([cell.type, cell.value], at).toEqual(["float", v]); return; }
  if (Array.isArray(v)) { expect([cell.type, cell.value], at).toEqual(["string", v.join("|")]); return; }
  if (f.kind === "date") { expect([cell.type, cell.value], at).toEqual(["date", String(v).length === 7 ? `${String(v)}-01` : v]); return; }
  expect([cell.type, cell.value], at).toEqual(["string", v]);
}

describe("LibreOffice Calc opens policy-extract.xlsx", () => {
  it("one sheet per type, then codebook, sources, about", () => {
    expect(workbook.map((s) => s.name)).toEqual([...RECORD_TYPES, "codebook", "sources", "about"]);
  });

  it("every cell of every record sheet equals the JSON, typed as the schema says; no formula anywhere", () => {
    let cells = 0, cjk = 0;
    for (const t of RECORD_TYPES) {
      const sheet = workbook.find((s) => s.name === t)!;
      const fields = readingOrder(t);
      expect(sheet.rows[0]!.map((c) => c.value)).toEqual(fields.map((f) => f.name));
      expect(sheet.rows.length - 1, t).toBe(records[t].length);
      records[t].forEach((r, k) => {
        const row = sheet.rows[k + 1]!;
        fields.forEach((f, i) => {
          expectTyped(t, f, r[f.name], row[i], r);
          cells++;
          if (typeof r[f.name] === "string" && hasCjk(r[f.name] as string)) cjk++;
        });
      });
    }
    for (const s of workbook) for (const row of s.rows) for (const c of row) expect(c.formula, s.name).toBeNull();
    expect(cjk).toBeGreaterThan(1000); // the comparison covered Chinese text, not only ids
    expect(cells).toBeGreaterThan(10000);
  });

  it("text stays text: ids, \"80%\"-style values, years written as text and region codes are string cells", () => {
    const targets = workbook.find((s) => s.name === "targets")!;
    const col = (name: string) => readingOrder("targets").findIndex((f) => f.name === name);
    const pct = records.targets.findIndex((r) => /%$/.test(String(r.value_text)));
    expect(pct).toBeGreaterThanOrEqual(0);
    expect(targets.rows[pct + 1]![col("value_text")]!.type).toBe("string");
    const period = records.targets.findIndex((r) => r.period !== null);
    expect(targets.rows[period + 1]![col("period")]!.type).toBe("string");
    const docs = workbook.find((s) => s.name === "documents")!;
    const code = readingOrder("documents").findIndex((f) => f.name === "region_code");
    expect(docs.rows.slice(1).filter((r) => r[code]?.type === "string").length).toBe(records.documents.filter((r) => r.region_code !== null).length);
  });

  it("the codebook sheet is the codebook; the sources sheet lists each input", () => {
    const cb = workbook.find((s) => s.name === "codebook")!;
    const rows = codebookRows();
    expect(cb.rows.length - 1).toBe(rows.length);
    rows.forEach((r, i) => expect(cb.rows[i + 1]!.slice(0, 2).map((c) => c.value)).toEqual([r.type, r.field]));
    const src = workbook.find((s) => s.name === "sources")!;
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { inputs: Array<{ name: string; sha256: string; bytes: number }> };
    expect(src.rows.slice(1).map((r) => [r[0]!.value, r[1]!.value, r[2]!.value])).toEqual(manifest.inputs.map((i) => [i.name, i.sha256, i.bytes]));
  });
});

/** What a CSV cell may become when a spreadsheet guesses types (README: open the CSV with column types). */
function guessedFromText(s: string, c: Cell): boolean {
  if (c.type === "float") return Number(s.replace(/,/g, "")) === c.value;
  if (c.type === "percentage") return Math.abs(Number(s.replace(/%$/, "")) / 100 - Number(c.value)) < 1e-12;
  if (c.type === "date") return String(c.value).startsWith(s.length === 7 ? `${s}-01` : s.slice(0, 10));
  return false;
}

describe("LibreOffice Calc opens each CSV (UTF-8 filter)", () => {
  it("one row per record; Chinese intact; numbers numeric and exact; no formula; text as written unless the spreadsheet guessed a number or date", () => {
    for (const t of RECORD_TYPES) {
      const sheet = csvPlain.get(t)!;
      const fields = fieldsOf(t);
      expect(sheet.rows[0]!.map((c) => c.value)).toEqual(fields.map((f) => f.name));
      expect(sheet.rows.length - 1, t).toBe(records[t].length);
      records[t].forEach((r, k) => {
        const row = sheet.rows[k + 1]!;
        fields.forEach((f, i) => {
          const v = r[f.name], c = row[i], at = where(t, r, f.name);
          expect(c?.formula ?? null, at).toBeNull();
          if (isEmpty(v)) { expect(c?.type ?? "empty", at).toBe("empty"); return; }
          if (typeof v === "number") { expect([c!.type, c!.value], at).toEqual(["float", v]); return; }
          const s = Array.isArray(v) ? v.join("|") : String(v);
          const shown = FORMULA_START.test(s) ? `'${s}` : s; // the CSV's formula guard
          if (c!.type === "string") expect(c!.value, at).toBe(shown);
          else {
            expect(hasCjk(s), `${at}: Chinese text became ${c!.type}`).toBe(false);
            expect(guessedFromText(s, c!), `${at}: ${s} → ${c!.type} ${c!.value}`).toBe(true);
          }
        });
      });
    }
  });

  it("opened with the column types of codebook.md, every text column stays text exactly", () => {
    for (const t of TYPED) {
      const sheet = csvTyped.get(t)!;
      const fields = fieldsOf(t);
      expect(sheet.rows.length - 1).toBe(records[t].length);
      records[t].forEach((r, k) => fields.forEach((f, i) => {
        const v = r[f.name], c = sheet.rows[k + 1]![i], at = where(t, r, f.name);
        expect(c?.formula ?? null, at).toBeNull();
        if (isEmpty(v)) { expect(c?.type ?? "empty", at).toBe("empty"); return; }
        if (typeof v === "number") { expect([c!.type, c!.value], at).toEqual(["float", v]); return; }
        const s = Array.isArray(v) ? v.join("|") : String(v);
        expect([c!.type, c!.value], at).toEqual(["string", FORMULA_START.test(s) ? `'${s}` : s]);
      }));
    }
  });
});
