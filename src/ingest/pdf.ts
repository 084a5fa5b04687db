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

export async function ingestPdf(file: string, bytes: Uint8Array): Promise<Source> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new InputError(file, "not a PDF (missing %PDF header)");
  }
  const { PDFParse } = await import("pdf-parse");
  const url = cmapDir();
  const parser = new PDFParse({ data: new Uint8Array(bytes), cMapUrl: url, cMapPacked: true, verbosity: 0 } as ConstructorParameters<typeof PDFParse>[0]);
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
