import { promisify } from "node:util";
import { constants, crc32, deflateRaw, deflateRawSync } from "node:zlib";
// fflate's build without its worker pool: the Node build loads worker_threads when imported (5 ms of a
// start) for asynchronous APIs this writer does not use; Zip and ZipPassThrough are the same code in both
import { Zip, ZipPassThrough } from "fflate/browser";
import { charClass, WHITESPACE } from "../shared/char-class.js";
import { startsFormula } from "./csv.js";
import { utf8Of, writeUtf8 } from "./utf8.js";

/**
 * A minimal SpreadsheetML (Office Open XML, .xlsx) writer: typed cells, a few
 * fixed styles, column widths, a frozen and filterable header row, zipped with
 * fflate. Written here rather than with exceljs (README, "Workbook"): the same
 * input gives the same bytes (no timestamps: every zip entry carries the DOS
 * epoch, docProps carry no dates, entries and strings are in a fixed order),
 * it adds 8 kB instead of 53 MB, and it runs several times faster.
 */

/** How a cell is shown. Text cells use the Text number format (@), so an edit keeps them text. */
export type CellStyle = "text" | "bold" | "wrap" | "number" | "yuan" | "day" | "month";
export type Cell = null | { v: string | number; style: CellStyle };

export interface SheetSpec {
  name: string;
  /** column widths in characters (a Chinese character counts two) */
  widths: number[];
  rows: Cell[][];
  /** first row is a header: bold, frozen, with an autofilter over the table */
  header: boolean;
}

export interface WorkbookProps { title: string; creator: string }

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;
/** Excel's limit on the rows of one sheet. */
export const MAX_ROWS = 1048576;

// cellXfs: index = style id. `!`: a guarded text (quotePrefix, Excel's leading apostrophe); `yuan.`: yuan with decimals
const XF: Array<[string, string]> = [
  ["number", `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
  ["text", `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`],
  ["text!", `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>`],
  ["bold", `<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"/>`],
  ["bold!", `<xf numFmtId="49" fontId="1" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" quotePrefix="1"/>`],
  ["wrap", `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`],
  ["wrap!", `<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1" quotePrefix="1"><alignment vertical="top" wrapText="1"/></xf>`],
  ["yuan", `<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`],
  ["yuan.", `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`],
  ["day", `<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`],
  ["month", `<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`],
];

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.0#########"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="yyyy-mm"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="${XF.length}">${XF.map(([, x]) => x).join("")}</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
  `</styleSheet>`;


/**
 * Text for an XML text node or attribute. Characters XML 1.0 cannot hold (and CR,
 * which XML would turn into LF) are written as SpreadsheetML's _xHHHH_ escape; a
 * literal "_xHHHH_" in the text is itself escaped, so it reads back unchanged.
 */
export function xmlText(s: string): string {
  if (!needsEscape(s)) return s;
  return s.replace(/[&<>"]|_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000d\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, (c) => {
    switch (c) {
      case "&": return "&amp;";
      case "<": return "&lt;";
      case ">": return "&gt;";
      case "\"": return "&quot;";
    }
    if (c.length > 1) return `_x005F${c}`;
    return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}

/**
 * Characters that start something xmlText rewrites: the markup four, "_" (of a
 * literal _xHHHH_), controls but tab and LF, U+FFFE/FFFF and surrogates. Most cells
 * hold none: one native search of this class (no lookarounds, about 1 ns a
 * character) tells so, several times faster than reading the cell by code unit in
 * JavaScript, and much faster than the rewriting expression, which only runs on the rest.
 */
const ESCAPE_START = /[&<>"_\u0000-\u0008\u000b-\u001f\ud800-\udfff\ufffe\uffff]/;
const needsEscape = (s: string): boolean => ESCAPE_START.test(s);

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnName(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell's start up to its row number, for the first columns, made once: a cell's reference is made for every cell of every row. */
const CELL_OPEN = Array.from({ length: 64 }, (_, i) => `<c r="${columnName(i)}`);

/** Excel's number for a calendar day (1900 date system, days since 1899-12-30). */
export function dateSerial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000 + 25569;
}

/** Style ids: the plain style, and the guarded one (`!`) where a text style has it. */
const STYLE_ID = Object.fromEntries(XF.map(([k], i) => [k, i])) as Record<string, number>;
const GUARDED_ID: Record<string, number | undefined> = { text: STYLE_ID["text!"], bold: STYLE_ID["bold!"], wrap: STYLE_ID["wrap!"] };

/**
 * Each style's ids, read alike by every cell: its plain id, the id a text takes when
 * guarded (its plain one where the style has no guard), the id a number with decimals
 * takes ("yuan." for yuan, else its plain one). A branch that reads more than the
 * others is compiled without the feedback of cells not yet seen: the first yuan
 * amount with decimals (or the first yuan cell) then threw away the compiled code of
 * the sheet's row loop it was inlined in, which was compiled again.
 */
interface StyleIds { plain: number; guarded: number; fraction: number }
const STYLE_IDS: Record<string, StyleIds> = Object.fromEntries(XF.map(([k], i) => [k, {
  plain: i,
  guarded: GUARDED_ID[k] ?? i,
  fraction: k === "yuan" ? STYLE_ID["yuan."]! : i,
}]));

function styleId(c: Exclude<Cell, null>): number {
  const ids = STYLE_IDS[c.style]!, v = c.v;
  const plain = ids.plain, guarded = ids.guarded, fraction = ids.fraction;
  // a text the CSV guards against running as a formula: Excel's leading-apostrophe guard, the text itself unchanged
  if (typeof v === "string") return startsFormula(v) ? guarded : plain;
  return Number.isInteger(v) ? plain : fraction;
}

/** A number as SpreadsheetML writes it: the shortest text that reads back as the same double. */
const numText = (n: number) => (Number.isFinite(n) ? String(n) : "0");

/** What `\s` matches, tested by code unit: charAt and a regular expression made a string for each end of every text cell. */
const SPACE = charClass(WHITESPACE);
/** A text with whitespace at either end: its `<t>` must be marked to keep it. */
const keepsSpace = (s: string): boolean => {
  // the empty text answered before its first code unit is read (out of bounds, which threw the compiled code away)
  const n = s.length;
  return n > 0 && (SPACE.has(s.charCodeAt(0)) || SPACE.has(s.charCodeAt(n - 1)));
};

/**
 * What follows a cell's reference, up to its value, for each style id: made once,
 * so a cell is five strings joined (every cell of every row is made so), not a
 * template of nine with its style id turned into text each time.
 */
const NUMBER_OPEN = XF.map((_, s) => `" s="${s}"><v>`);
const TEXT_OPEN = XF.map((_, s) => `" s="${s}" t="inlineStr"><is><t>`);
/** `<t>` of an inline string cell: whitespace at either end is kept only when marked so. */
const KEEP_OPEN = XF.map((_, s) => `" s="${s}" t="inlineStr"><is><t xml:space="preserve">`);

/**
 * One `<row>` element (r is 1-based, or a placeholder put in its place: xlsx.ts sheetRows). Text is written inline (t="inlineStr"), not in a
 * shared-string table: a table must hold every distinct string of the whole workbook
 * until the end, which is most of a large dataset's text in memory; inline rows can be
 * written as records arrive (Excel and LibreOffice read both).
 */
export function rowXml(row: readonly Cell[], r: number | string): string {
  // its number as text once: cellXml always joins a text, so its compiled code is not
  // thrown away when a number first comes (the codebook's rows)
  const at = String(r);
  let x = rowStart(at);
  for (let c = 0; c < row.length; c++) x += cellXml(row[c] ?? null, c, at);
  return x + ROW_END;
}

/** A `<row>` element's parts, for a row written a cell at a time: rowStart, each cellXml, ROW_END. */
export const rowStart = (r: number | string): string => `<row r="${r}">`;
export const ROW_END = "</row>";

/** A cell's start up to its row number: `<c r="` and its column's letters. */
export const cellOpen = (c: number): string => CELL_OPEN[c] ?? `<c r="${columnName(c)}`;

/** The `<c>` element of the cell at 0-based column c of row r ("" for an empty cell). */
export function cellXml(cell: Cell, c: number, r: number | string): string {
  if (!cell) return "";
  return cellOpen(c) + r + cellTail(cell);
}

/**
 * A cell's element after its row number: it depends on the cell alone, so a value
 * repeated down a column is written by the same text (xlsx.ts sheetRows).
 */
export function cellTail(cell: Exclude<Cell, null>): string {
  const s = styleId(cell);
  const v = cell.v;
  if (typeof v === "number") return NUMBER_OPEN[s] + numText(v) + "</v></c>";
  return (keepsSpace(v) ? KEEP_OPEN[s] : TEXT_OPEN[s]) + xmlText(v) + "</t></is></c>";
}

/**
 * A sheet as the zip writer reads it: its layout, and its `<row>` elements as a
 * sequence of chunks (XML text or UTF-8 bytes), so a sheet of a million rows can
 * come from a scratch file rather than from memory.
 */
export interface StreamSheet {
  name: string;
  widths: readonly number[];
  /** columns of the used range (at least widths.length) */
  nCols: number;
  /** rows, header included */
  nRows: number;
  header: boolean;
  rows: () => Iterable<string | Uint8Array>;
}

/** A sheet held in memory (codebook, sources, about, tests). */
export function memorySheet(sheet: SheetSpec): StreamSheet {
  return {
    name: sheet.name,
    widths: sheet.widths,
    nCols: Math.max(sheet.widths.length, ...sheet.rows.slice(0, 1).map((r) => r.length), 1),
    nRows: sheet.rows.length,
    header: sheet.header,
    rows: function* () { for (let r = 0; r < sheet.rows.length; r++) yield rowXml(sheet.rows[r]!, r + 1); },
  };
}

function sheetHead(sheet: StreamSheet, selected: boolean): string {
  const lastCol = columnName(Math.max(sheet.nCols, 1) - 1);
  const nRows = Math.max(sheet.nRows, 1);
  const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`];
  parts.push(`<dimension ref="A1:${lastCol}${nRows}"/>`);
  const sel = selected ? ` tabSelected="1"` : "";
  parts.push(sheet.header
    ? `<sheetViews><sheetView workbookViewId="0"${sel}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`
    : `<sheetViews><sheetView workbookViewId="0"${sel}/></sheetViews>`);
  parts.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (sheet.widths.length) {
    parts.push("<cols>");
    sheet.widths.forEach((w, i) => parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`));
    parts.push("</cols>");
  }
  parts.push("<sheetData>");
  return parts.join("");
}

function sheetTail(sheet: StreamSheet): string {
  const lastCol = columnName(Math.max(sheet.nCols, 1) - 1);
  return "</sheetData>" +
    (sheet.header ? `<autoFilter ref="A1:${lastCol}${Math.max(sheet.nRows, 1)}"/>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    (sheet.header ? `<pageSetup orientation="landscape"/>` : "") +
    "</worksheet>";
}

const quoteSheetName = (n: string) => `'${n.replace(/'/g, "''")}'`;

const deflateRawAsync = promisify(deflateRaw);

/**
 * Room for a piece's deflated bytes, so they mostly come back in one buffer (the
 * sheets deflate about 8 to 1): zlib's default 16 kB makes the thread pool hand a
 * piece back in dozens of parts. It changes where the output is cut, not its bytes.
 */
const DEFLATED_CHUNK = 1 << 18;

/**
 * Pieces shorter than this (the fixed parts, the small sheets, an entry's last
 * piece) are deflated at once on this thread: the thread pool's round trip, a
 * zlib stream with its events, costs more than deflating them, and a 256 kB
 * output buffer for a few kB of output is most of such a deflate's own time.
 */
const SYNC_DEFLATE = 1 << 16;

/**
 * How each piece is deflated: alone (a fresh stream), ending on a sync flush, the
 * entry's last one on a finish. The chunk size of the output only says where zlib
 * cuts what it hands back, never its bytes.
 */
const deflateOptions = (final: boolean, size: number) => ({
  level: 6,
  finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
  chunkSize: size < SYNC_DEFLATE ? constants.Z_DEFAULT_CHUNK : DEFLATED_CHUNK,
});

/**
 * A zip entry deflated by Node's zlib (native, 3–4× faster than a deflate in
 * JavaScript), fflate writing the zip around it as its docs suggest for custom
 * compression. Each piece is deflated on its own and ends on a sync flush, the
 * last one on a finish: their concatenation is one valid deflate stream, and a
 * workbook is written without ever holding a sheet whole. As each piece's
 * deflated bytes depend on that piece alone, the pieces can be deflated anywhere
 * and in any order (writeWorkbookAsync), as long as they are taken in order.
 */
class NativeDeflate extends ZipPassThrough {
  /** the CRC-32 of the bytes taken so far, by zlib (native; fflate's own is a loop in JavaScript) */
  private sum = 0;
  constructor(filename: string) {
    super(filename);
    this.compression = 8;
  }
  override push(chunk: Uint8Array, final = false): void {
    this.take(chunk, deflateRawSync(chunk, deflateOptions(final, chunk.length)), final);
  }
  /** The entry's next piece and its deflated bytes. */
  take(raw: Uint8Array, deflated: Uint8Array<ArrayBuffer>, final: boolean): void {
    this.sum = crc32(raw, this.sum);
    this.size += raw.length;
    if (final) this.crc = this.sum;
    this.ondata(null, deflated, final);
  }
}

/**
 * Where an Entry's pieces go: its zip entry at once, or a queue of pieces being
 * deflated. A piece is `buf[0, n)`; `buf` goes back to the pool once deflated.
 */
type PieceSink = (file: NativeDeflate, buf: Buffer, n: number, final: boolean) => void;

const PIECE = 1 << 20;

/**
 * Piece buffers, used again once their piece is deflated: a fresh 1 MiB buffer
 * (zeroed, and its pages touched for the first time) costs more than filling it.
 * A new one is left unfilled (only `[0, n)`, written first, is ever read), so an
 * entry of a few kB (the fixed parts, the small sheets) touches a few pages of it,
 * not all 256.
 */
class PiecePool {
  private readonly free: Buffer[] = [];
  get(): Buffer { return this.free.pop() ?? Buffer.allocUnsafeSlow(PIECE); }
  put(buf: Buffer): void { this.free.push(buf); }
}

/**
 * Feeds one zip entry in fixed 1 MiB pieces, whatever the sizes of the chunks it
 * is given: the compressed bytes depend on how the input is cut, and a sheet read
 * from a scratch file must give the same bytes as the same sheet from memory.
 * Text that surely fits is written into the piece (src/emit/utf8.ts: a short one encoded there by V8, a longer one by simdutf and copied in).
 */
class Entry {
  /** the piece being filled: buf[0, n) */
  private buf: Buffer | null = null;
  private n = 0;
  constructor(private readonly file: NativeDeflate, private readonly sink: PieceSink, private readonly pool: PiecePool) {}
  push(data: string | Uint8Array): void {
    if (typeof data === "string") {
      // UTF-8 takes at most 3 bytes per UTF-16 code unit: a text that surely fits is encoded in place
      if (data.length * 3 <= PIECE - this.n) {
        const buf = (this.buf ??= this.pool.get());
        this.n += writeUtf8(data, buf, this.n);
        this.full();
        return;
      }
      data = utf8Of(data);
    }
    for (let i = 0; i < data.length;) {
      const buf = (this.buf ??= this.pool.get());
      const k = Math.min(PIECE - this.n, data.length - i);
      buf.set(data.subarray(i, i + k), this.n);
      this.n += k;
      i += k;
      this.full();
    }
  }
  private full(): void {
    if (this.n === PIECE) { this.sink(this.file, this.buf!, PIECE, false); this.buf = null; this.n = 0; }
  }
  end(): void {
    this.sink(this.file, this.buf ?? this.pool.get(), this.n, true);
    this.buf = null;
  }
}

/**
 * Write the workbook as a stream of zip bytes to `out`: the same sheets give the
 * same bytes, on any machine and in any time zone, however their rows are chunked.
 */
export function writeWorkbook(sheets: readonly StreamSheet[], props: WorkbookProps, out: (bytes: Uint8Array) => void): void {
  const zip = new WorkbookZip(out);
  const pool = new PiecePool();
  const sink: PieceSink = (file, buf, n, final) => { file.push(buf.subarray(0, n), final); pool.put(buf); };
  for (const _ of zipEntries(sheets, props, zip, sink, pool)) { /* each piece is deflated as it is cut */ }
  zip.end();
}

/** Pieces being deflated at once, at most (each holds 1 MiB of input and its output). */
const IN_FLIGHT = 4;

/**
 * The same bytes, its pieces deflated on libuv's thread pool (zlib's asynchronous
 * deflate, the same options: the same deflated bytes) while this thread cuts the
 * next ones; they are taken into the zip in order. The thread that writes the
 * dataset then only cuts and writes the workbook: deflating it was most of the
 * time it spent on it.
 */
export async function writeWorkbookAsync(sheets: readonly StreamSheet[], props: WorkbookProps, out: (bytes: Uint8Array) => void): Promise<void> {
  const zip = new WorkbookZip(out);
  const queue: Array<{ deflated: Uint8Array<ArrayBuffer> | Promise<Uint8Array<ArrayBuffer>>; take: (d: Uint8Array<ArrayBuffer>) => void }> = [];
  const pool = new PiecePool();
  const sink: PieceSink = (file, buf, n, final) => {
    const raw = buf.subarray(0, n);
    const take = (d: Uint8Array<ArrayBuffer>) => { file.take(raw, d, final); pool.put(buf); };
    // a small piece is deflated now, and taken now if nothing before it is still being deflated
    if (n < SYNC_DEFLATE) {
      const deflated = deflateRawSync(raw, deflateOptions(final, n));
      if (queue.length) queue.push({ deflated, take }); else take(deflated);
      return;
    }
    const deflated = deflateRawAsync(raw, deflateOptions(final, n));
    deflated.catch(() => { /* thrown where it is awaited, in order */ });
    queue.push({ deflated, take });
  };
  const drain = async (keep: number) => {
    while (queue.length > keep) { const q = queue.shift()!; q.take(q.deflated instanceof Uint8Array ? q.deflated : await q.deflated); }
  };
  for (const _ of zipEntries(sheets, props, zip, sink, pool)) if (queue.length > IN_FLIGHT) await drain(IN_FLIGHT);
  await drain(0);
  zip.end();
}

/** fflate's Zip writing to `out`; `end` throws the first error it reported. */
class WorkbookZip {
  private failed: Error | null = null;
  private readonly zip: Zip;
  constructor(out: (bytes: Uint8Array) => void) {
    this.zip = new Zip((err, data) => { if (err) this.failed ??= err; else out(data); });
  }
  add(file: NativeDeflate): void { this.zip.add(file); }
  end(): void {
    this.zip.end();
    if (this.failed) throw this.failed;
  }
}

/**
 * The workbook's zip entries, in their fixed order, cut into pieces that go to
 * `sink`; it yields after each chunk of text or rows, so the caller can wait for
 * pieces to be deflated before more are cut.
 */
function* zipEntries(sheets: readonly StreamSheet[], props: WorkbookProps, zip: WorkbookZip, sink: PieceSink, pool: PiecePool): Generator<void> {
  const ns = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`;
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  const files: Array<[string, string]> = [];
  files.push(["[Content_Types].xml", head +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>` +
    `</Types>`]);
  files.push(["_rels/.rels", head + `<Relationships ${ns}>` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>` +
    `</Relationships>`]);
  // no dcterms:created / modified: a date would make every build differ
  files.push(["docProps/core.xml", head + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:title>${xmlText(props.title)}</dc:title><dc:creator>${xmlText(props.creator)}</dc:creator></cp:coreProperties>`]);
  files.push(["docProps/app.xml", head + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${xmlText(props.creator)}</Application></Properties>`]);
  const filters = sheets.map((s, i) => (s.header
    ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(quoteSheetName(s.name))}!$A$1:$${columnName(Math.max(s.nCols, 1) - 1)}$${Math.max(s.nRows, 1)}</definedName>`
    : "")).join("");
  files.push(["xl/workbook.xml", head + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ""}</workbook>`]);
  files.push(["xl/_rels/workbook.xml.rels", head + `<Relationships ${ns}>` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
    `</Relationships>`]);
  files.push(["xl/styles.xml", STYLES]);

  // the DOS epoch in local time: fflate writes local date fields, so this is the same bytes in every time zone
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const entry = (name: string): Entry => {
    const f = new NativeDeflate(name);
    f.mtime = mtime;
    zip.add(f);
    return new Entry(f, sink, pool);
  };
  for (const [name, xml] of files) { const e = entry(name); e.push(xml); e.end(); yield; }
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i]!;
    const e = entry(`xl/worksheets/sheet${i + 1}.xml`);
    e.push(sheetHead(s, i === 0));
    for (const chunk of s.rows()) { e.push(chunk); yield; }
    e.push(sheetTail(s));
    e.end();
    yield;
  }
}
