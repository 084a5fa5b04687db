import fc from "fast-check";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import yauzl from "yauzl";
import { describe, expect, it } from "vitest";
import { readingOrder } from "../../src/emit/fields.js";
import { cellXml, columnName, MAX_CELL_CHARS, memorySheet, writeWorkbook, writeWorkbookAsync, xmlText, type Cell } from "../../src/emit/xlsx-writer.js";
import { memoryRows, sheetRows, toWorkbook, WorkbookBuilder, type WorkbookData } from "../../src/emit/xlsx.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { textWidth } from "../../src/shared/text-width.js";
import { eastAsianWidth } from "get-east-asian-width";
import { ROOT } from "../helpers.js";

/** The committed seed dataset (out/), plus records made hostile on purpose. */
const OUT = join(ROOT, "out");
const seedRecords = Object.fromEntries(RECORD_TYPES.map((t) => [t, JSON.parse(readFileSync(join(OUT, `${t}.json`), "utf8"))])) as Record<string, Array<Record<string, unknown>>>;
const manifest = JSON.parse(readFileSync(join(OUT, "manifest.json"), "utf8"));
const target0 = seedRecords.targets![0]!;
const hostile = [
  { ...target0, id: "tgt_ffffffffffffff01", value_text: "=HYPERLINK(\"http://x\")", quote: "控制\u0001字符与_x0041_转义\r回车" },
  { ...target0, id: "tgt_ffffffffffffff02", value_text: "80%", period: "2025", quote: "长".repeat(40000) },
];
const data: WorkbookData = {
  version: "9.9.9",
  types: RECORD_TYPES,
  records: { ...seedRecords, targets: [...seedRecords.targets!, ...hostile] },
  inputs: manifest.inputs,
  failures: [{ file: "broken.pdf", reason: "corrupt or truncated PDF" }],
};
const book = toWorkbook(data);
const parts = unzipSync(book);
const xml = (name: string) => strFromU8(parts[name]!);
/** every text cell of every sheet, in sheet and row order (text is written inline: t="inlineStr") */
const strings = Object.keys(parts).filter((n) => n.startsWith("xl/worksheets/")).sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
  .flatMap((n) => [...xml(n).matchAll(/<is><t(?: xml:space="preserve")?>([^<]*)<\/t><\/is>/g)].map((m) => m[1]!));
const sheetIndex = (name: string) => [...xml("xl/workbook.xml").matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]).indexOf(name) + 1;
const sheet = (name: string) => xml(`xl/worksheets/sheet${sheetIndex(name)}.xml`);
/** The cell at a column (field) of a targets row, as written. */
function targetCell(row: number, field: string): { s: number; t: string | null; v: string } {
  const col = columnName(readingOrder("targets").findIndex((f) => f.name === field));
  const m = new RegExp(`<c r="${col}${row}" s="(\\d+)"(?: t="(\\w+)")?>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)</c>`).exec(sheet("targets"));
  if (!m) throw new Error(`no cell ${col}${row}`);
  return { s: Number(m[1]), t: m[2] ?? null, v: m[3] ?? m[4]! };
}
const xf = (s: number) => [...xml("xl/styles.xml").split("<cellXfs")[1]!.matchAll(/<xf [^>]*?\/?>/g)][s]![0];
const rowOf = (id: string) => data.records.targets!.findIndex((r) => r.id === id) + 2;

describe("policy-extract.xlsx", () => {
  it("the same data gives the same bytes, in any time zone; zip entries in a fixed order, all dated 1980-01-01", async () => {
    expect(Buffer.from(toWorkbook(data)).equals(Buffer.from(book))).toBe(true);
    const sums = ["Pacific/Kiritimati", "America/Adak"].map((tz) => spawnSync(process.execPath, ["--input-type=module", "-e", `
      import { readFileSync } from "node:fs"; import { createHash } from "node:crypto";
      import { toWorkbook } from "./dist/emit/xlsx.js";
      const types = ${JSON.stringify(RECORD_TYPES)};
      const records = Object.fromEntries(types.map((t) => [t, JSON.parse(readFileSync("out/" + t + ".json", "utf8"))]));
      const m = JSON.parse(readFileSync("out/manifest.json", "utf8"));
      process.stdout.write(createHash("sha256").update(toWorkbook({ version: "1", types, records, inputs: m.inputs, failures: [] })).digest("hex"));
    `], { cwd: ROOT, encoding: "utf8", env: { ...process.env, TZ: tz } }));
    for (const s of sums) expect(s.status, s.stderr).toBe(0);
    expect(sums[0]!.stdout).toMatch(/^[0-9a-f]{64}$/);
    expect(sums[1]!.stdout).toBe(sums[0]!.stdout);
    expect(sums[0]!.stdout).toBe(createHash("sha256").update(toWorkbook({ ...data, version: "1", records: seedRecords, failures: [] })).digest("hex"));
    const entries = await new Promise<Array<{ name: string; date: number; time: number }>>((resolve, reject) => {
      yauzl.fromBuffer(Buffer.from(book), { lazyEntries: false }, (err, zip) => {
        if (err || !zip) return reject(err);
        const list: Array<{ name: string; date: number; time: number }> = [];
        zip.on("entry", (e: yauzl.Entry) => list.push({ name: e.fileName, date: e.lastModFileDate, time: e.lastModFileTime }));
        zip.on("end", () => resolve(list));
        zip.on("error", reject);
      });
    });
    expect(entries[0]!.name).toBe("[Content_Types].xml");
    expect(entries.map((e) => e.name)).toContain("xl/worksheets/sheet1.xml");
    for (const e of entries) expect([e.date, e.time], e.name).toEqual([(0 << 9) | (1 << 5) | 1, 0]);
    expect(xml("docProps/core.xml")).not.toMatch(/dcterms|created|modified|\d{4}-\d\d-\d\dT/);
  });

  it("deflated on the thread pool, many pieces in flight and finishing in any order, a workbook is the same bytes", async () => {
    // pieces of noise and of repeats (slow and quick to deflate): over 6 MiB, more pieces than are ever in flight
    let seed = 7;
    const noise = (n: number) => { let s = ""; for (let i = 0; i < n; i++) { seed = (seed * 1103515245 + 12345) >>> 0; s += String.fromCharCode(0x4e00 + (seed >>> 16) % 0x5000); } return s; };
    const rows: Cell[][] = [];
    for (let i = 0; i < 40_000; i++) rows.push([{ v: i % 5000 < 2500 ? noise(40) : "重复".repeat(40), style: "text" }, { v: i, style: "number" }]);
    const sheets = [memorySheet({ name: "big", widths: [60, 10], rows, header: true }), memorySheet({ name: "small", widths: [10], rows: [[{ v: "一", style: "text" }]], header: false })];
    const props = { title: "t", creator: "c" };
    const sync: Uint8Array[] = [], pooled: Uint8Array[] = [];
    writeWorkbook(sheets, props, (b) => sync.push(b));
    await writeWorkbookAsync(sheets, props, (b) => pooled.push(b));
    const bytes = Buffer.concat(sync);
    expect(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!.length).toBeGreaterThan(6 << 20);
    expect(Buffer.concat(pooled).equals(bytes)).toBe(true);
  });

  it("rows kept in memory are handed to the zip writer joined into chunks: the same bytes as a row at a time", () => {
    const rowAtATime = new WorkbookBuilder(data.types, () => { const rows: string[] = []; return { append: (x) => { rows.push(x); }, chunks: () => rows }; });
    for (const t of data.types) rowAtATime.add(t, data.records[t] ?? []);
    const chunks: Uint8Array[] = [];
    rowAtATime.finish(data, (c) => chunks.push(c));
    expect(Buffer.concat(chunks).equals(Buffer.from(book))).toBe(true);
  });

  it("a batch kept whole widens its columns by its widest cells: the same workbook as its rows measured one at a time", () => {
    const rowByRow = new WorkbookBuilder(data.types, memoryRows);
    for (const t of data.types) {
      const recs = data.records[t] ?? [];
      for (let i = 0; i < recs.length; i += 32) {
        const rows = sheetRows(t, recs.slice(i, i + 32));
        delete rows.widest; // as rendered before batches carried it (an older cache entry)
        rowByRow.addRows(t, rows);
      }
    }
    const chunks: Uint8Array[] = [];
    rowByRow.finish(data, (c) => chunks.push(c));
    expect(Buffer.concat(chunks).equals(Buffer.from(book))).toBe(true);
  });

  it("sheets: one per type, then codebook, sources, about; headers frozen, bold and filterable", () => {
    expect([...xml("xl/workbook.xml").matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([...RECORD_TYPES, "codebook", "sources", "about"]);
    const s = sheet("targets");
    expect(s).toContain(`<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>`);
    expect(s).toMatch(new RegExp(`<autoFilter ref="A1:${columnName(readingOrder("targets").length - 1)}${data.records.targets!.length + 1}"/>`));
    const head = /<c r="A1" s="(\d+)"/.exec(s)!;
    expect(xf(Number(head[1]))).toContain(`fontId="1"`);
    expect(xml("xl/styles.xml")).toMatch(/<font><b\/>/);
    expect(xml("xl/workbook.xml")).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="${sheetIndex("targets") - 1}" hidden="1">`);
  });

  it("column widths: the quick path for Chinese characters gives get-east-asian-width's width for every character", () => {
    const differ: number[] = [];
    for (let c = 0x20; c < 0x10000; c++) {
      if (c >= 0xd800 && c < 0xe000) continue;
      if (textWidth(String.fromCharCode(c)) !== (c < 0x1100 ? 1 : eastAsianWidth(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it("a batch's rows measure only the cells that can widen their column: every first part of a batch is as wide as its rows measured alone", () => {
    let skipped = 0;
    for (const t of RECORD_TYPES) {
      const recs = data.records[t]!;
      const n = readingOrder(t).length;
      for (let from = 0; from < recs.length; from += 32) {
        const batch = recs.slice(from, from + 32);
        const got = sheetRows(t, batch).widths;
        const widest = new Array<number>(n).fill(0), kept = new Array<number>(n).fill(0);
        batch.forEach((r, i) => {
          // a row alone is the first of its batch: each of its cells is measured
          const alone = sheetRows(t, [r]).widths;
          for (let c = 0; c < n; c++) {
            widest[c] = Math.max(widest[c]!, alone[c]!);
            kept[c] = Math.max(kept[c]!, got[i * n + c]!);
            if (got[i * n + c] !== alone[c]) skipped++;
          }
          expect(kept).toEqual(widest);
        });
      }
    }
    expect(skipped).toBeGreaterThan(1000);
  });

  it("a value repeated down a column is written as the same cell: every row of a batch as it is alone, cut cells counted", () => {
    let repeated = 0;
    for (const t of RECORD_TYPES) {
      const recs = data.records[t]!;
      const names = readingOrder(t).map((f) => f.name);
      for (let from = 0; from < recs.length; from += 32) {
        const batch = recs.slice(from, from + 32);
        const got = sheetRows(t, batch);
        batch.forEach((r, i) => {
          // a row alone has no row above: each of its cells is made
          const alone = sheetRows(t, [r]);
          expect(got.xml[i]).toBe(alone.xml[0]);
          expect(got.cut[i]).toBe(alone.cut[0]);
          if (i) repeated += names.filter((k) => r[k] !== null && r[k] !== "" && r[k] === batch[i - 1]![k]).length;
        });
      }
    }
    expect(repeated).toBeGreaterThan(5000);
    // the hostile long quote, cut, repeated: each of its rows counts its cut cell
    const long = { ...hostile[1]!, id: "tgt_ffffffffffffff03" };
    expect([...sheetRows("targets", [hostile[1]!, long]).cut]).toEqual([1, 1]);
  });

  it("a cell is written as the plain template would: every style, guarded or not, with whitespace kept at either end, in any column", () => {
    const quote = String(target0.quote);
    for (const style of ["text", "bold", "wrap", "number", "yuan", "day", "month"] as const) {
      for (const v of [quote, ` ${quote}`, `${quote}\u3000`, `=${quote}`, "a<b&c", 1234.5, 46000]) {
        for (const [c, r] of [[0, 2], [25, 17], [27, "\u0000"], [70, 1048576]] as const) {
          const x = cellXml({ v, style }, c, r);
          const ref = columnName(c) + r;
          const m = /^<c r="([^"]+)" s="(\d+)"( t="inlineStr")?>(.*)<\/c>$/.exec(x)!;
          expect(m[1]).toBe(ref);
          if (typeof v === "number") expect(m[4]).toBe(`<v>${v}</v>`);
          else expect(m[4]).toBe(/^\s|\s$/.test(v) ? `<is><t xml:space="preserve">${xmlText(v)}</t></is>` : `<is><t>${xmlText(v)}</t></is>`);
          expect(m[3] === undefined).toBe(typeof v === "number");
        }
      }
    }
    expect(cellXml(null, 3, 9)).toBe("");
  });

  it("each cell's style is the one the style and value call for: guarded text, yuan with decimals, every other style as it is", () => {
    // the rule as it was written before the ids were read from one table (xlsx-writer.ts STYLE_IDS)
    const names = ["number", "text", "text!", "bold", "bold!", "wrap", "wrap!", "yuan", "yuan.", "day", "month"];
    const guard: Record<string, string> = { text: "text!", bold: "bold!", wrap: "wrap!" };
    const expected = (v: string | number, style: string): number => {
      if (typeof v === "string") return names.indexOf(guard[style] !== undefined && /^[=+\-@\t\r]/.test(v) ? guard[style]! : style);
      return names.indexOf(style === "yuan" && !Number.isInteger(v) ? "yuan." : style);
    };
    const quote = String(seedRecords.subsidies![0]!.quote);
    for (const style of ["text", "bold", "wrap", "number", "yuan", "day", "month"] as const) {
      for (const v of [quote, `=${quote}`, `-${quote}`, "", 1500000, 2.5, -0.75, 46000, 1e21]) {
        expect(Number(/ s="(\d+)"/.exec(cellXml({ v, style }, 0, 2))![1]), `${style} ${v}`).toBe(expected(v, style));
      }
    }
  });

  it("a yuan cell is as wide as its digits and separators, whatever the numbers before it; other numbers as their digits", () => {
    const at = readingOrder("subsidies").findIndex((f) => f.name === "amount_yuan");
    const sub0 = seedRecords.subsidies![0]!;
    // the width as it was worked out before: a separator every three digits of the integer part
    const yuanWidth = (n: number) => String(n).length + Math.floor((String(n).replace(/^-/, "").split(".")[0]!.length - 1) / 3);
    for (const n of [1500000, 2.5, -1234567.25, 999, 1000, 0.5, -12, 123456789012]) {
      const w = sheetRows("subsidies", [{ ...sub0, amount_yuan: n }]).widths[at]!;
      expect(w, String(n)).toBe(Math.min(yuanWidth(n), 60));
    }
    const line = readingOrder("subsidies").findIndex((f) => f.name === "source_line");
    expect(sheetRows("subsidies", [{ ...sub0, source_line: 12345 }]).widths[line]).toBe(5);
  });

  it("content columns first, id/source_*/quote last", () => {
    const order = readingOrder("targets").map((f) => f.name);
    expect(order.slice(0, 2)).toEqual(["doc_title", "section"]);
    expect(order.slice(-5)).toEqual(["id", "source_file", "source_line", "source_page", "quote"]);
    expect(strings[0]).toBe("doc_title");
  });

  it("columns fit Chinese text: a Chinese column is wider than an id column, none beyond 60", () => {
    const widths = [...sheet("targets").matchAll(/<col min="(\d+)" max="\d+" width="(\d+)"/g)].map((m) => Number(m[2]));
    const at = (f: string) => widths[readingOrder("targets").findIndex((x) => x.name === f)]!;
    expect(at("doc_title")).toBeGreaterThan(at("id"));
    expect(at("id")).toBe(22); // 20 characters + margin
    expect(Math.max(...widths)).toBeLessThanOrEqual(60);
  });

  it("each cell's type follows the schema: text stays text, numbers numeric (yuan with separators), dates are dates", () => {
    const r = rowOf("tgt_ffffffffffffff02");
    expect(targetCell(r, "value_text")).toMatchObject({ t: "inlineStr", v: "80%" });
    expect(targetCell(r, "period")).toMatchObject({ t: "inlineStr", v: "2025" });
    const value = targetCell(2, "source_line");
    expect([value.t, value.v]).toEqual([null, String(data.records.targets![0]!.source_line)]);
    // a yuan amount: numeric, #,##0
    const subs = data.records.subsidies!;
    const k = subs.findIndex((x) => typeof x.amount_yuan === "number" && Number.isInteger(x.amount_yuan) && (x.amount_yuan as number) >= 10000);
    const col = columnName(readingOrder("subsidies").findIndex((f) => f.name === "amount_yuan"));
    const m = new RegExp(`<c r="${col}${k + 2}" s="(\\d+)"><v>([^<]*)</v></c>`).exec(sheet("subsidies"))!;
    expect(Number(m[2])).toBe(subs[k]!.amount_yuan);
    expect(xf(Number(m[1]))).toContain(`numFmtId="3"`);
    // a date: the day number, shown yyyy-mm-dd
    const docs = data.records.documents!;
    const d = docs.findIndex((x) => typeof x.date === "string" && (x.date as string).length === 10);
    const dc = columnName(readingOrder("documents").findIndex((f) => f.name === "date"));
    const dm = new RegExp(`<c r="${dc}${d + 2}" s="(\\d+)"><v>(\\d+)</v></c>`).exec(sheet("documents"))!;
    expect(new Date((Number(dm[2]) - 25569) * 86400000).toISOString().slice(0, 10)).toBe(docs[d]!.date);
    expect(xf(Number(dm[1]))).toContain(`numFmtId="165"`);
    expect(xml("xl/styles.xml")).toContain(`<numFmt numFmtId="165" formatCode="yyyy-mm-dd"/>`);
  });

  it("text that would run as a formula keeps the guard (Excel's leading apostrophe) and its exact text; no formula cell anywhere", () => {
    const c = targetCell(rowOf("tgt_ffffffffffffff01"), "value_text");
    expect(c.v).toBe("=HYPERLINK(&quot;http://x&quot;)");
    expect(xf(c.s)).toContain(`quotePrefix="1"`);
    for (const [name, bytes] of Object.entries(parts)) if (name.startsWith("xl/worksheets/")) expect(strFromU8(bytes)).not.toMatch(/<f[ >]/);
  });

  it("a text cell with whitespace (what \\s matches) at either end keeps it: xml:space=\"preserve\"; others are plain", () => {
    const preserved = (v: string) => cellXml({ v, style: "text" }, 0, 1).includes(`<t xml:space="preserve">`);
    for (const v of [" 前", "后 ", "\u3000全角空格", "制表\t", "\n换行", "\u00a0x", "x\ufeff"]) expect(preserved(v), JSON.stringify(v)).toBe(true);
    for (const v of ["中文", "", "a", "中 文", "\u200b零宽"]) expect(preserved(v), JSON.stringify(v)).toBe(false);
  });

  it("xmlText's quick scan changes nothing: the same text as the full escape, on any mix of the characters it rewrites", () => {
    const full = (s: string) => s.replace(/[&<>"]|_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
      const named: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" };
      return named[c] ?? (c.length > 1 ? `_x005F${c}` : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
    });
    const unit = fc.constantFrom("推", "_", "x", "0", "A", "&", "<", ">", "\"", "\t", "\n", "\r", "\u0001", "\u0008", "\u000b", "\u001f", "\ufffe", "\uffff", "\ud840", "\udc0b", "𠀋", "'");
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (s) => { expect(xmlText(s)).toBe(full(s)); }), { numRuns: 3000 });
  });

  it("characters XML cannot hold are escaped so they read back; an over-long cell is cut with a note", () => {
    expect(xmlText("控制\u0001字符与_x0041_转义\r回车")).toBe("控制_x0001_字符与_x005F_x0041_转义_x000D_回车");
    expect(strings).toContain("控制_x0001_字符与_x005F_x0041_转义_x000D_回车");
    const long = strings.find((s) => s.startsWith("长长长"))!;
    expect(long.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(long).toMatch(/cut at Excel's cell limit/);
    expect(strings.some((s) => /1 text cell\(s\) longer than Excel's limit/.test(s))).toBe(true);
  });

  it("sources lists every input with its sha256 and each failure; about says the version and how to cite", () => {
    const src = sheet("sources");
    for (const i of manifest.inputs) expect(strings).toContain(i.sha256);
    expect(strings).toContain("broken.pdf");
    expect(src.split("<row ").length - 1).toBe(manifest.inputs.length + 2);
    expect(strings).toContain("policy-extract 9.9.9");
    expect(strings.find((s) => s.startsWith("Name the document (doc_title)"))).toMatch(/line \d+/);
  });
});
