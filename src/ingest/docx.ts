import type yauzl from "yauzl";
import { InputError } from "./errors.js";
import { sourceFromLines, type Source } from "./source.js";
import { loadSaxes, loadYauzl } from "../packages.js";

/**
 * Word .docx → text lines, as the contract numbers them: one line per
 * paragraph and one per table row (cells joined by tabs), in document order.
 * A line break inside a paragraph (w:br, w:cr) starts a new line, as it does
 * when Word saves the file as plain text; w:tab is a tab. List numbering that
 * Word draws from numbering.xml is not part of the text (the .txt a user
 * copies out of Word does not carry it either), so a numbered heading keeps
 * only its written words.
 *
 * The archive is read with yauzl (central directory, declared sizes checked
 * against what is inflated), and word/document.xml is streamed through
 * saxes, a streaming XML parser: neither the XML nor a DOM is ever held
 * whole, and the inflated size is capped, so a zip bomb costs at most
 * MAX_XML_BYTES of work. (htmlparser2's Parser keeps its open-element stack
 * with Array.unshift: quadratic on deeply nested XML, and html.ts does not
 * use it either.)
 */

/** Largest inflated word/document.xml read (XML is ~10× its text; 200 MB ≈ a 20 MB text). */
export const MAX_XML_BYTES = 200 * 1024 * 1024;
/** Central directories longer than this are not a Word file (a .docx has a dozen parts). */
const MAX_ENTRIES = 10_000;
const DOCUMENT_PART = "word/document.xml";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

/** An OLE compound file holding an `EncryptedPackage` stream is a password-protected .docx. */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = Buffer.from("EncryptedPackage", "utf16le");
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
}

/** Why bytes that do not open as a zip are no .docx, in words for `FILE: reason`. */
function notZipReason(bytes: Uint8Array): string {
  if (startsWith(bytes, OLE_MAGIC)) {
    return isEncryptedPackage(bytes)
      ? "encrypted .docx (password-protected): save it without a password"
      : "a Word 97-2003 .doc (OLE compound file), not a .docx: save it as .docx";
  }
  return "not a .docx (not a zip archive)";
}

/** Inflate one entry as a stream of chunks, stopping at `limit` bytes. */
async function streamEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, onChunk: (s: Buffer) => void, limit: number): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  let total = 0;
  await new Promise<void>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) {
        stream.destroy();
        reject(new Error("limit"));
        return;
      }
      try {
        onChunk(chunk);
      } catch (e) {
        stream.destroy(); // malformed XML: stop inflating
        reject(e as Error);
      }
    });
    stream.on("end", resolve);
    stream.on("error", reject);
  });
}

async function findEntry(zip: yauzl.ZipFile, name: string): Promise<yauzl.Entry | null> {
  let seen = 0;
  return new Promise((resolve, reject) => {
    zip.on("entry", (e: yauzl.Entry) => {
      if (e.fileName === name) { resolve(e); return; }
      if (++seen > MAX_ENTRIES) { reject(new Error(`more than ${MAX_ENTRIES} parts`)); zip.close(); return; }
      zip.readEntry();
    });
    zip.on("end", () => resolve(null));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/**
 * Turns the SAX events of word/document.xml into lines. Paragraphs in a table
 * cell are joined by a space and cells by a tab, so a row stays one line; a
 * table nested in a cell flattens into that cell. Deleted text (w:delText,
 * w:moveFrom) and the VML fallback copy of a drawing (mc:Fallback) are skipped.
 */
class DocumentLines {
  readonly lines: string[] = [];
  /** open paragraphs outside tables, innermost last (a text box's paragraphs sit inside one) */
  private paragraphs: string[][] = [];
  private cell: string[] = []; // text of the open top-level cell
  private cells: string[] = []; // cells of the open top-level row
  private tableDepth = 0;
  private inText = 0;
  private skip = 0; // depth inside skipped subtrees

  open(name: string, attrs: Record<string, string>): void {
    if (this.skip) { this.skip++; return; }
    switch (name) {
      // properties hold no text, but their w:tab elements are tab stops, not tabs
      case "w:pPr": case "w:rPr": case "mc:Fallback": case "w:moveFrom": case "w:del": this.skip = 1; return;
      case "w:t": this.inText++; return;
      case "w:p": if (!this.tableDepth) this.paragraphs.push([]); return;
      case "w:tbl": this.tableDepth++; return;
      case "w:tr": if (this.tableDepth === 1) this.cells = []; return;
      case "w:tc": if (this.tableDepth === 1) this.cell = []; return;
      case "w:tab": case "w:ptab": this.write(this.tableDepth ? " " : "\t"); return;
      case "w:br": case "w:cr": this.write(this.tableDepth ? " " : "\n"); return;
      case "w:noBreakHyphen": this.write("-"); return;
      case "w:sym": {
        // a symbol-font glyph (F0xx private use) is not text; a real code point is
        const c = parseInt(attrs["w:char"] ?? "", 16);
        if (c > 0 && c <= 0x10ffff && !(c >= 0xe000 && c <= 0xf8ff)) this.write(String.fromCodePoint(c));
        return;
      }
    }
  }

  close(name: string): void {
    if (this.skip) { this.skip--; return; }
    switch (name) {
      case "w:t": this.inText--; return;
      case "w:p":
        if (this.tableDepth) this.cellBreak();
        else this.flushParagraph();
        return;
      case "w:tc": if (this.tableDepth === 1) this.cells.push(this.cell.join("").trimEnd()); else if (this.tableDepth > 1) this.cellBreak(); return;
      case "w:tr": if (this.tableDepth === 1) this.lines.push(this.cells.join("\t")); return;
      case "w:tbl": this.tableDepth--; return;
    }
  }

  text(s: string): void {
    if (this.inText && !this.skip) this.write(s);
  }

  private write(s: string): void {
    if (this.tableDepth) this.cell.push(s);
    else this.paragraphs[this.paragraphs.length - 1]?.push(s);
  }

  /** A paragraph end inside a cell: a space, unless the cell is still empty or already ends in one. */
  private cellBreak(): void {
    const last = this.cell[this.cell.length - 1];
    if (last !== undefined && !last.endsWith(" ")) this.cell.push(" ");
  }

  /** A paragraph's text is its lines (a break inside it starts a new one). */
  private flushParagraph(): void {
    const p = this.paragraphs.pop();
    if (p) for (const l of p.join("").split("\n")) this.lines.push(l);
  }
}

/** The text lines of word/document.xml, streamed with a size cap. */
async function documentLines(file: string, bytes: Uint8Array): Promise<string[]> {
  // the zip and XML readers load only when a .docx is read (70 ms of start-up otherwise)
  const [{ default: zipReader }, { SaxesParser }] = await Promise.all([loadYauzl(), loadSaxes()]);
  let zip: yauzl.ZipFile;
  try {
    zip = await zipReader.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { strictFileNames: false });
  } catch (e) {
    throw new InputError(file, `corrupt or truncated .docx (${(e as Error).message})`);
  }
  let entry: yauzl.Entry | null;
  try {
    entry = await findEntry(zip, DOCUMENT_PART);
  } catch (e) {
    throw new InputError(file, `corrupt or truncated .docx (${(e as Error).message})`);
  }
  if (!entry) throw new InputError(file, `not a Word document: the zip has no ${DOCUMENT_PART} part`);
  if (entry.isEncrypted()) throw new InputError(file, `encrypted zip entry ${DOCUMENT_PART}: remove the password`);
  if (entry.uncompressedSize > MAX_XML_BYTES) {
    throw new InputError(file, `${DOCUMENT_PART} would unpack to ${entry.uncompressedSize} bytes (limit ${MAX_XML_BYTES}): refused as a possible zip bomb`);
  }
  const out = new DocumentLines();
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => out.open(tag.name, tag.attributes as Record<string, string>));
  parser.on("closetag", (tag) => out.close(tag.name));
  parser.on("text", (t) => out.text(t));
  parser.on("cdata", (t) => out.text(t));
  const decoder = new TextDecoder("utf-8");
  try {
    await streamEntry(zip, entry, (chunk) => parser.write(decoder.decode(chunk, { stream: true })), MAX_XML_BYTES);
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    const msg = (e as Error).message;
    if (msg === "limit") throw new InputError(file, `${DOCUMENT_PART} unpacks to more than ${MAX_XML_BYTES} bytes: refused as a possible zip bomb`);
    throw new InputError(file, `corrupt or truncated .docx (${msg})`);
  } finally {
    zip.close();
  }
  return out.lines;
}

export async function ingestDocx(file: string, bytes: Uint8Array): Promise<Source> {
  if (!startsWith(bytes, ZIP_MAGIC)) throw new InputError(file, notZipReason(bytes));
  const lines = await documentLines(file, bytes);
  const text = lines.join("\n");
  if (!text.trim()) throw new InputError(file, "Word document has no text");
  return sourceFromLines(file, "docx", text);
}
