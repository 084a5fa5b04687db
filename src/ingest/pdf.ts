import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { InputError } from "./errors.js";
import { TextBuilder, type Source } from "./source.js";
import { markerAt } from "../shared/markers.js";
import { loadPdfParse } from "../packages.js";

/**
 * PDF → text per page with pdf-parse (pdf.js). Chinese PDFs that use a
 * predefined CMap without embedded fonts come out EMPTY unless cMapUrl is
 * given, so the CMaps shipped with pdfjs-dist are always passed.
 * `source_line` is the line of the extracted text, counted through the whole
 * file: each page's lines as pdf-parse gives them, then one blank line for the
 * page break (so numbers never repeat and records sort in reading order);
 * `source_page` is the page.
 */
const require = createRequire(import.meta.url);

/**
 * Directory of pdfjs-dist's packed CMaps, as a plain path ending in a
 * separator: under Node, pdf.js reads it with fs, and a `file://` URL fails
 * ("Unable to load binary CMap") — which again yields empty text.
 */
export function cmapDir(): string {
  const pkg = require.resolve("pdfjs-dist/package.json", { paths: [dirname(require.resolve("pdf-parse"))] });
  return join(dirname(pkg), "cmaps") + sep;
}

/** A line that is only a page number, bare or between dashes: "— 3 —", "－3－", "- 12 -", "第3页". */
export const PAGE_NUMBER = /^\s{0,20}(?:[-—–－~]{1,2}\s{0,3}\d{1,4}\s{0,3}[-—–－~]{1,2}|\d{1,4}|第\s?\d{1,4}\s?页(?:\s?[/，,]?\s?共\s?\d{1,4}\s?页)?)\s{0,20}$/;

/**
 * A whitespace item wider than this many ems is a tab stop, not a word space.
 * A text file printed to PDF (LibreOffice, Word) draws each tab as one space
 * glyph stretched to the next stop (10–30 pt at 10 pt type) where a word space
 * is half an em; pdf-parse only looks at gaps BETWEEN items for its cell
 * separator, so without this a tab-separated table row reads as one sentence.
 */
const TAB_STOP_EMS = 0.9;

interface TextItemLike { str: string; width: number; height: number; transform: number[]; hasEOL?: boolean }
interface PageLike { getTextContent(o?: unknown): Promise<{ items: Array<TextItemLike | object> }> }

const xOf = (it: TextItemLike) => it.transform[4] ?? 0;
const yOf = (it: TextItemLike) => it.transform[5] ?? 0;
const emOf = (it: TextItemLike) => Math.hypot(it.transform[0] ?? 0, it.transform[1] ?? 0) || it.height || 10;
/** where a blank item ends, to half a point: the x of the text after it */
const endOf = (it: TextItemLike) => Math.round(((it.transform[4] ?? 0) + it.width) * 2);
const isBlank = (it: TextItemLike) => it.str !== "" && it.str.trim() === "";

/**
 * Blank items that stand for a tab become "\t". Wide ones are tabs. A tab
 * that only had a little way to go to its stop is as narrow as a word space;
 * it is told by where it ends: on a row that has a wide tab, at an x where a
 * wide tab of the same page ends (the column's left edge).
 */
function markTabStops(items: TextItemLike[]): void {
  const stops = new Set<number>();
  const rows = new Set<number>();
  // a font without embedded metrics can set every blank a full em wide: a tab
  // is also clearly wider than the page's usual word space (its lower quartile)
  const blanks = items.filter(isBlank).map((it) => it.width / emOf(it)).sort((a, b) => a - b);
  const wordSpace = blanks.length ? blanks[Math.floor(blanks.length / 4)]! : 0;
  const tabEms = Math.max(TAB_STOP_EMS, 1.8 * wordSpace);
  for (const it of items) {
    const em = emOf(it);
    if (em > 0 && isBlank(it) && it.width > tabEms * em) {
      it.str = "\t";
      stops.add(endOf(it));
      rows.add(Math.round(it.transform[5] ?? 0));
    }
  }
  if (!stops.size) return;
  const grid = tabGrid(items, stops);
  items.forEach((it, i) => {
    if (!isBlank(it) || !rows.has(Math.round(it.transform[5] ?? 0))) return;
    const end = endOf(it);
    // on the grid alone, only before a value or an empty-cell dash (… 要求 — | 23): a word
    // space inside a cell can end on the grid too (增长 (%))
    if (stops.has(end) || stops.has(end - 1) || stops.has(end + 1) || (grid(end) && VALUE_CELL.test(items[i + 1]?.str ?? ""))) it.str = "\t";
  });
}

/** what a value cell opens with: a number, a bracketed cumulative value, a dash for "none" */
const VALUE_CELL = /^\s*(?:[\d[［]|[—–－-]{1,2}\s*$)/;

/**
 * The page's regular tab stops, when its wide tabs show them: a word
 * processor sets default stops at a fixed step from the left margin (1.25 cm
 * in LibreOffice, 2 characters in Word), so a narrow blank ending on that grid
 * is a tab whose stop no wide tab of the page happened to reach. The step is
 * the smallest gap between stops; it counts only when most stops lie on it.
 * Returns a test on half-point positions.
 */
function tabGrid(items: TextItemLike[], stops: Set<number>): (end: number) => boolean {
  let left = Infinity;
  for (const it of items) if (it.str.trim()) left = Math.min(left, Math.round((it.transform[4] ?? 0) * 2));
  const sorted = [...stops].sort((a, b) => a - b);
  let step = Infinity;
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - sorted[i - 1]! > 8) step = Math.min(step, sorted[i]! - sorted[i - 1]!);
  // refined over the whole span, so that rounding of one gap does not drift across the page
  const span = sorted[sorted.length - 1]! - left;
  if (Number.isFinite(step)) step = span / Math.max(1, Math.round(span / step));
  const near = (x: number) => { const r = (x - left) % step; return x > left && (r <= 2 || step - r <= 2); };
  if (!Number.isFinite(left) || !Number.isFinite(step) || sorted.length < 4) return () => false;
  if (sorted.filter(near).length < 0.8 * sorted.length) return () => false;
  return near;
}

/** how close to the right edge a table row must end to have wrapped, in ems (a tab stop is about 3.5 em) */
const WRAP_REACH_EMS = 3.5;


/**
 * A table row too long for the page wraps onto the next printed line. The row
 * (a line holding a tab) ends near the right edge, and the next line holds at
 * most one more cell boundary and opens no row of its own (定的目标\t约束性, 约束性).
 * When that line starts at the left margin the wrap split a cell (完成经国家
 * 审核衔接后 确 | 定的目标): the texts join directly; when it starts further
 * in, the wrap fell on a tab and the rest is the next cell. The rest is moved
 * onto the row's line, so pdf-parse writes one line for the row.
 */
function joinWrappedRows(items: TextItemLike[]): void {
  if (!items.length) return;
  let left = Infinity, right = 0;
  for (const it of items) if (it.str.trim()) { left = Math.min(left, xOf(it)); right = Math.max(right, xOf(it) + it.width); }
  // items grouped into printed lines, in order
  const lines: TextItemLike[][] = [];
  for (const it of items) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(yOf(cur[0]!) - yOf(it)) < 1) cur.push(it); else lines.push([it]);
  }
  for (let k = 0; k + 1 < lines.length; k++) {
    const row = lines[k]!, rest = lines[k + 1]!;
    const text = (l: TextItemLike[]) => l.map((i) => i.str).join("");
    const seen = row.filter((i) => i.str.trim());
    const last = seen[seen.length - 1];
    if (!last || !text(row).includes("\t")) continue;
    if (right - (xOf(last) + last.width) > WRAP_REACH_EMS * emOf(last)) continue;
    const restText = text(rest);
    if (!restText.trim() || markerAt(restText.trimStart()) !== undefined || restText.split("\t").length > 2) continue;
    const first = rest.find((i) => i.str.trim())!;
    const gap = xOf(first) - left > emOf(first) ? 2 * emOf(first) : 0;
    const dx = xOf(last) + last.width + gap - xOf(first);
    for (const it of rest) {
      it.hasEOL = false;
      it.transform = it.transform.slice();
      it.transform[4] = xOf(it) + dx;
      it.transform[5] = yOf(last);
    }
    // the joined line may itself have wrapped again
    lines[k + 1] = row.concat(rest);
  }
}

/** pdf-parse with its page text read from items whose blanks that stand for tabs are tabs. */
async function tabAwareParser(options: ConstructorParameters<typeof import("pdf-parse").PDFParse>[0]) {
  const { PDFParse } = await loadPdfParse();
  const parser = new PDFParse(options);
  // pdf-parse keeps its per-page assembly private; it is wrapped, not rewritten,
  // so line breaks and cell gaps stay exactly as pdf-parse computes them
  const proto = PDFParse.prototype as unknown as { getPageText(page: PageLike, ...rest: unknown[]): Promise<string> };
  const pageText = proto.getPageText;
  (parser as unknown as typeof proto).getPageText = function (page: PageLike, ...rest: unknown[]) {
    const read = page.getTextContent.bind(page);
    page.getTextContent = async (o?: unknown) => {
      const content = await read(o);
      const items = content.items.filter((it): it is TextItemLike => "str" in it);
      markTabStops(items);
      joinWrappedRows(items);
      return content;
    };
    return pageText.call(this, page, ...rest);
  };
  return parser;
}

export async function ingestPdf(file: string, bytes: Uint8Array): Promise<Source> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new InputError(file, "not a PDF (missing %PDF header)");
  }
  const url = cmapDir();
  const parser = await tabAwareParser({ data: new Uint8Array(bytes), cMapUrl: url, cMapPacked: true, verbosity: 0 } as ConstructorParameters<typeof import("pdf-parse").PDFParse>[0]);
  let pages: Array<{ num: number; text: string }>;
  try {
    pages = (await parser.getText()).pages;
  } catch (e) {
    if ((e as Error).name === "PasswordException") throw new InputError(file, "encrypted PDF: it needs a password to open");
    throw new InputError(file, `corrupt or truncated PDF (${(e as Error).message.split("\n")[0]})`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
  const b = new TextBuilder();
  let line = 1;
  for (const p of pages) {
    const lines = p.text.replace(/\r\n?/g, "\n").split("\n");
    const first = lines.findIndex((l) => l.trim() !== "");
    let last = lines.length - 1;
    while (last >= 0 && lines[last]!.trim() === "") last--;
    for (let k = 0; k < lines.length; k++) {
      // a page number at the head or foot of a page ("— 3 —", "- 3 -", "3") is
      // furniture: it keeps its line number but contributes no text, so a
      // paragraph running across the page break can still be rejoined
      const furniture = (k === first || k === last) && PAGE_NUMBER.test(lines[k]!);
      b.push((furniture ? "" : lines[k]!) + "\n", line, p.num);
      line++;
    }
    // a blank line marks the page break, so paragraphs split by it can be rejoined
    b.push("\n", line, p.num);
    line++;
  }
  const src = b.build(file, "pdf", true);
  if (!src.text.trim()) throw new InputError(file, "PDF has no extractable text (scanned image?)");
  return src;
}
