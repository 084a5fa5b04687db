import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { ingestBytes } from "../../src/ingest/index.js";
import { cmapDir, PAGE_NUMBER } from "../../src/ingest/pdf.js";
import { lineAt, pageAt } from "../../src/ingest/source.js";
import { ROOT } from "../helpers.js";
import { flatText, quoteAtLine } from "../e2e/provenance.js";

/**
 * PDF ingest on two PDFs made from the head of seed 004 (see
 * fixtures/make-fixtures.mjs): one by LibreOffice with an embedded CJK font,
 * one with the non-embedded STSong-Light font and the predefined UniGB-UCS2-H
 * CMap, as many Chinese government PDFs are made.
 */
const FIX = join(ROOT, "test", "fixtures");
const EMBEDDED = readFileSync(join(FIX, "004_embedded.pdf"));
const CMAP = readFileSync(join(FIX, "004_cmap.pdf"));

/** pdf-parse's own page texts, as the lines `source_line` counts: each page, then one blank line. */
async function extractedLines(bytes: Uint8Array): Promise<Array<{ text: string; page: number }>> {
  const p = new PDFParse({ data: new Uint8Array(bytes), cMapUrl: cmapDir(), cMapPacked: true, verbosity: 0 } as ConstructorParameters<typeof PDFParse>[0]);
  try {
    const out: Array<{ text: string; page: number }> = [];
    for (const pg of (await p.getText()).pages) {
      for (const t of pg.text.split("\n")) out.push({ text: t, page: pg.num });
      out.push({ text: "", page: pg.num });
    }
    return out;
  } finally {
    await p.destroy();
  }
}

/** pdf.js is slow to start: parse each fixture once (ingest and pdf-parse's raw lines). */
const memo = new Map<string, Promise<unknown>>();
const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
  if (!memo.has(key)) memo.set(key, f());
  return memo.get(key) as Promise<T>;
};
const ingested = (name: string, bytes: Uint8Array) => once(`src:${name}`, () => ingestBytes(name, bytes));
const rawLines = (name: string, bytes: Uint8Array) => once(`raw:${name}`, () => extractedLines(bytes));

const NOTICE = ["内蒙古自治区人民政府关于下达2025年自治区国民经济和社会发展计划的通知", "内政发〔2025〕1号", "2025-02-05", "region", 2025];

describe.each([
  ["embedded CJK font (LibreOffice)", "004_embedded.pdf", EMBEDDED],
  ["non-embedded font + UniGB-UCS2-H CMap", "004_cmap.pdf", CMAP],
])("PDF with %s", (_label, name, bytes) => {
  it("yields the notice's document record, with source_page", async () => {
    const { records } = extractSource(await ingested(name, bytes));
    expect(records.documents).toHaveLength(1);
    const d = records.documents[0]!;
    expect([d.title, d.doc_number, d.date, d.policy_level, d.plan_year]).toEqual(NOTICE);
    expect([d.source_line, d.source_page]).toEqual([1, 1]);
  });

  it("every record's source_line/source_page point at the extracted line holding its quote", async () => {
    const lines = await rawLines(name, bytes);
    expect(new Set(lines.map((l) => l.page)).size).toBe(2); // the passage runs over two pages
    const { records } = extractSource(await ingested(name, bytes));
    // page numbers are furniture ingest drops; they would split a quote running over the page break
    const printed = flatText(lines.map((l) => (PAGE_NUMBER.test(l.text) ? "" : l.text)).join("\n"));
    let n = 0;
    for (const t of Object.values(records)) {
      for (const r of t as Array<{ source_line: number; source_page?: number; quote: string }>) {
        expect(lines[r.source_line - 1]!.page, r.quote).toBe(r.source_page);
        expect(quoteAtLine(printed, r.quote, r.source_line), `${r.source_line}: ${r.quote}`).toBe(true);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(1);
  });

  it("maps every character to the page and line it was printed on", async () => {
    const lines = await rawLines(name, bytes);
    const src = await ingested(name, bytes);
    for (let i = 0; i < src.text.length; i++) {
      const c = src.text[i]!;
      if (/\s/.test(c)) continue;
      const l = lines[lineAt(src, i) - 1]!;
      expect(l.page).toBe(pageAt(src, i));
      if (/[\u4e00-\u9fff]/.test(c)) expect(l.text.includes(c), `${c} @${i}`).toBe(true);
    }
  });

  it("rejoins lines wrapped at the margin and the paragraph split by the page break", async () => {
    const src = await ingested(name, bytes);
    // one paragraph of the seed, printed over several lines (and, in the CMap PDF, two pages)
    const para = src.text.split("\n").find((l) => l.startsWith("2025年经济社会发展的主要预期目标是"))!;
    expect(para).toContain("地区生产总值增长6%左右；规模以上工业增加值增长7%左右；固定资产投资增长10%左右；一般公共预算收入同口径增长4%以上；");
    expect(para.endsWith("确保完成国家下达的“十四五”能耗强度下降目标。")).toBe(true);
    // a short line that ends a paragraph is not glued to the next one
    expect(src.text).toContain("认真贯彻落实。\n");
  });
});

describe("PDF specifics", () => {
  it("without cMapUrl, pdf.js returns EMPTY text for the non-embedded-font PDF, silently; ingest passes the CMaps", async () => {
    const bare = new PDFParse({ data: new Uint8Array(CMAP), verbosity: 0 } as ConstructorParameters<typeof PDFParse>[0]);
    const text = (await bare.getText()).pages.map((p) => p.text).join("").trim();
    await bare.destroy();
    expect(text).toBe("");
    expect(existsSync(join(cmapDir(), "UniGB-UCS2-H.bcmap"))).toBe(true);
    expect((await ingested("004_cmap.pdf", CMAP)).text).toContain("内政发〔2025〕1号");
  });

  it("the page-break paragraph keeps each part's own page: 地区生产总值 on page 1, 规模以上工业 on page 2", async () => {
    const src = await ingested("004_cmap.pdf", CMAP);
    const a = src.text.indexOf("地区生产总值增长6%左右");
    const b = src.text.indexOf("规模以上工业增加值增长7%左右");
    expect([pageAt(src, a), pageAt(src, b)]).toEqual([1, 2]);
    expect(lineAt(src, b)).toBeGreaterThan(lineAt(src, a));
  });

  it("page numbers at the foot of a page are dropped (— 1 —), not read as text", async () => {
    const lines = await rawLines("004_cmap.pdf", CMAP);
    expect(lines.some((l) => l.text.trim() === "— 1 —")).toBe(true);
    expect((await ingested("004_cmap.pdf", CMAP)).text).not.toMatch(/—\s?\d\s?—/);
    for (const s of ["— 3 —", "- 12 -", "－3－", "7", "第 2 页", "第2页 共9页"]) expect(PAGE_NUMBER.test(s), s).toBe(true);
    for (const s of ["2025年", "— 3 — 万亩", "(一)"]) expect(PAGE_NUMBER.test(s), s).toBe(false);
  });

  it("a truncated or corrupt PDF is an input error naming the file", async () => {
    for (const cut of [0.2, 0.5, 0.9]) {
      await expect(ingestBytes("cut.pdf", EMBEDDED.subarray(0, Math.floor(EMBEDDED.length * cut)))).rejects.toThrow(/^cut\.pdf: corrupt or truncated PDF/);
    }
    await expect(ingestBytes("x.pdf", Buffer.from("%PDF-1.4\ngarbage"))).rejects.toThrow(/^x\.pdf: corrupt or truncated PDF/);
    await expect(ingestBytes("y.pdf", Buffer.from("<html>not a pdf</html>"))).rejects.toThrow("y.pdf: not a PDF (missing %PDF header)");
  });

  it("a password-protected PDF is an input error that says so", async () => {
    await expect(ingestBytes("enc.pdf", readFileSync(join(FIX, "004_encrypted.pdf")))).rejects.toThrow("enc.pdf: encrypted PDF: it needs a password to open");
  });

  it("a PDF without text (a scan) is an input error", async () => {
    await expect(ingestBytes("scan.pdf", blankPdf())).rejects.toThrow("scan.pdf: PDF has no extractable text (scanned image?)");
  });
});

/** A valid one-page PDF with nothing on the page. */
function blankPdf(): Buffer {
  const objs = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"];
  let out = "%PDF-1.4\n";
  const offs: number[] = [];
  objs.forEach((o, k) => { offs.push(out.length); out += `${k + 1} 0 obj\n${o}\nendobj\n`; });
  const x = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${x}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
