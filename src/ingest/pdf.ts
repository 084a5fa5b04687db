import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { InputError } from "./errors.js";
import { TextBuilder, type Source } from "./source.js";

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

interface TextItemLike { str: string; width: number; height: number; transform: number[] }
interface PageLike { getTextContent(o?: unknown): Promise<{ items: Array<TextItemLike | object> }> }

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
  for (const it of items) {
    const em = Math.hypot(it.transform[0] ?? 0, it.transform[1] ?? 0) || it.height;
    if (em > 0 && isBlank(it) && it.width > TAB_STOP_EMS * em) {
      it.str = "\t";
      stops.add(endOf(it));
      rows.add(Math.round(it.transform[5] ?? 0));
    }
  }
  if (!stops.size) return;
  for (const it of items) {
    if (!isBlank(it) || !rows.has(Math.round(it.transform[5] ?? 0))) continue;
    const end = endOf(it);
    if (stops.has(end) || stops.has(end - 1) || stops.has(end + 1)) it.str = "\t";
  }
}

/** pdf-parse with its page text read from items whose blanks that stand for tabs are tabs. */
async function tabAwareParser(options: ConstructorParameters<typeof import("pdf-parse").PDFParse>[0]) {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse(options);
  // pdf-parse keeps its per-page assembly private; it is wrapped, not rewritten,
  // so line breaks and cell gaps stay exactly as pdf-parse computes them
  const proto = PDFParse.prototype as unknown as { getPageText(page: PageLike, ...rest: unknown[]): Promise<string> };
  const pageText = proto.getPageText;
  (parser as unknown as typeof proto).getPageText = function (page: PageLike, ...rest: unknown[]) {
    const read = page.getTextContent.bind(page);
    page.getTextContent = async (o?: unknown) => {
      const content = await read(o);
      markTabStops(content.items.filter((it): it is TextItemLike => "str" in it));
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
