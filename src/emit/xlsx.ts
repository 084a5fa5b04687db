import { mapPacked } from "../shared/arrays.js";
import type { RecordType } from "../generated/records.js";
import { isHighSurrogate } from "../shared/char-class.js";
import { textWidth } from "../shared/text-width.js";
import { CODEBOOK_COLUMNS, codebookRows } from "./codebook.js";
import { listText } from "./csv.js";
import { readingOrder, typeDescription, type FieldInfo } from "./fields.js";
import { cellOpen, cellTail, dateSerial, MAX_CELL_CHARS, MAX_ROWS, memorySheet, ROW_END, rowStart, rowXml, writeWorkbook, writeWorkbookAsync, type Cell, type SheetSpec, type StreamSheet, type WorkbookProps } from "./xlsx-writer.js";

/**
 * out/policy-extract.xlsx: one sheet per record type, then `codebook`, `sources`
 * and `about`. Each cell's type follows the schema (src/emit/fields.ts): text
 * stays text ("80%", "2025", ids), numbers are numbers (yuan with thousands
 * separators), date fields are dates; lists are joined with | as in the CSV.
 * Content columns come first, bookkeeping (id, source_*, quote) after.
 */
export interface WorkbookData {
  version: string;
  types: readonly RecordType[];
  records: Readonly<Record<string, readonly Record<string, unknown>[]>>;
  inputs: ReadonlyArray<{ name: string; sha256: string; bytes: number; warnings?: readonly string[] }>;
  failures: ReadonlyArray<{ file: string; reason: string }>;
}

export const WORKBOOK_NAME = "policy-extract.xlsx";

const text = (v: string): Cell => ({ v, style: "text" });
const bold = (v: string): Cell => ({ v, style: "bold" });
const wrap = (v: string): Cell => ({ v, style: "wrap" });
const num = (v: number): Cell => ({ v, style: "number" });

const TRUNCATED = " …[cut at Excel's cell limit: the full text is in the JSON]";

/** Notes the about sheet gives on what did not fit Excel's limits. */
interface Limits { cut: number; rowsDropped: Array<{ type: string; kept: number; of: number }> }

function textCell(s: string, limits: Limits, style: "text" | "wrap" = "text"): Cell {
  if (s.length <= MAX_CELL_CHARS) return { v: s, style };
  limits.cut++;
  let end = MAX_CELL_CHARS - TRUNCATED.length;
  if (isHighSurrogate(s.charCodeAt(end - 1))) end--; // never split a surrogate pair
  return { v: s.slice(0, end) + TRUNCATED, style };
}

/** `2025-03-01` → a date cell; `2025-03` → a month cell; anything else (no such day, before 1900) stays text. */
function dateCell(s: string, limits: Limits): Cell {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
    const t = new Date(Date.UTC(y, mo - 1, d));
    if (y >= 1900 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d) {
      return { v: dateSerial(y, mo, d), style: m[3] ? "day" : "month" };
    }
  }
  return textCell(s, limits);
}

function cellOf(f: FieldInfo, v: unknown, limits: Limits): Cell {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return { v, style: f.name.endsWith("_yuan") ? "yuan" : "number" };
  if (Array.isArray(v)) return v.length ? textCell(listText(v), limits) : null;
  if (f.kind === "date" && typeof v === "string") return dateCell(v, limits);
  return textCell(String(v), limits);
}

/** How wide a cell shows: formatted numbers with their separators, dates as yyyy-mm-dd. */
function shownWidth(c: Cell, cap: number): number {
  if (!c) return 0;
  if (typeof c.v === "string") return textWidth(c.v, cap);
  if (c.style === "day") return 10;
  if (c.style === "month") return 7;
  // #,##0 (yuan): a separator every three digits of the integer part. Worked out for
  // every number, and used for yuan: a branch only yuan cells reach is compiled without
  // feedback, and the first yuan cell then threw away the row loop's compiled code
  const plain = String(c.v);
  const dot = plain.indexOf(".");
  const int = (dot < 0 ? plain.length : dot) - (plain.charCodeAt(0) === 0x2d ? 1 : 0);
  const separators = Math.floor((int - 1) / 3);
  return c.style === "yuan" ? plain.length + separators : plain.length;
}

/** The widest a column is made (characters): a long quote wraps rather than widening its column. */
const MAX_WIDTH = 60;

/** Column widths that fit the header and the cells (Chinese characters count two), within [min, max]. */
class Widths {
  private readonly w: number[];
  constructor(n: number, private readonly max = MAX_WIDTH, min = 6) { this.w = new Array<number>(n).fill(min - 2); }
  add(row: readonly Cell[]): void {
    for (let i = 0; i < this.w.length; i++) this.w[i] = Math.max(this.w[i]!, shownWidth(row[i] ?? null, this.max));
  }
  /** a row's shown widths, measured where it was rendered: `shown[at + i]` for column i */
  addShown(shown: ArrayLike<number>, at: number): void {
    for (let i = 0; i < this.w.length; i++) this.w[i] = Math.max(this.w[i]!, Math.min(shown[at + i]!, this.max));
  }
  get(): number[] { return this.w.map((x) => Math.min(this.max, x + 2)); }
}

function fitWidths(rows: readonly Cell[][], n: number, max = 60): number[] {
  const w = new Widths(n, max);
  for (const row of rows) w.add(row);
  return w.get();
}

function codebookSheet(types: readonly RecordType[]): SheetSpec {
  const rows: Cell[][] = [CODEBOOK_COLUMNS.map(bold)];
  for (const r of codebookRows(types)) {
    rows.push([text(r.type), text(r.field), text(r.dataType), r.meaning ? wrap(r.meaning) : null, r.value ? text(r.value) : null, r.valueMeaning ? wrap(r.valueMeaning) : null]);
  }
  return { name: "codebook", widths: [12, 24, 28, 60, 18, 60], rows, header: true };
}

function sourcesSheet(d: BookMeta, perInput: ReadonlyMap<string, { documents: number; records: number }>): SheetSpec {
  const rows: Cell[][] = [["input", "sha256", "bytes", "documents", "records", "failure", "warnings"].map(bold)];
  const limits: Limits = { cut: 0, rowsDropped: [] };
  const named = [
    ...d.inputs.map((i) => ({ name: i.name, row: [text(i.sha256), num(i.bytes), num(perInput.get(i.name)?.documents ?? 0), num(perInput.get(i.name)?.records ?? 0), null, i.warnings?.length ? textCell(i.warnings.join("; "), limits) : null] as Cell[] })),
    ...d.failures.map((f) => ({ name: f.file, row: [null, null, null, null, textCell(f.reason, limits), null] as Cell[] })),
  ].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const x of named) rows.push([textCell(x.name, limits), ...x.row]);
  return { name: "sources", widths: fitWidths(rows, 7, 60), rows, header: true };
}

/** A citation example for the reader, from the first record (not a document) that names its document. */
function citationExample(version: string, first: { type: RecordType; r: Record<string, unknown> } | null): string {
  if (!first) return `《doc_title》, source_file, line source_line: “quote” (policy-extract ${version}, <type> record <id>)`;
  const { type, r } = first;
  return `《${String(r.doc_title)}》, ${String(r.source_file)}, line ${String(r.source_line)}: “${String(r.quote).slice(0, 60)}${String(r.quote).length > 60 ? "…" : ""}” (policy-extract ${version}, ${type} record ${String(r.id)})`;
}

function aboutSheet(d: BookMeta & { types: readonly RecordType[]; totals: ReadonlyMap<string, number>; example: string }, limits: Limits): SheetSpec {
  const counts = d.types.map((t) => `${t} ${d.totals.get(t) ?? 0}`).join(", ");
  const rows: Cell[][] = [
    [bold("policy-extract dataset"), null],
    [text("tool"), text(`policy-extract ${d.version}`)],
    [text("inputs"), text(`${d.inputs.length} read, ${d.failures.length} failed (sheet sources: each input with its sha256)`)],
    [text("records"), text(counts)],
    [text("how it was made"), wrap("Each input (.txt, .html, .pdf, .docx Chinese policy document) was read, split into documents, headings, tables and clauses, and every record was extracted by written rules (no hand editing, no statistical model) and checked against the JSON Schemas in schemas/. The same inputs always give the same records, ids and bytes.")],
    [text("how to cite a record"), wrap(`Name the document (doc_title), the file (source_file) and the line (source_line, 1-based, of the original file; PDF: source_page too), and quote the passage (quote). Example: ${d.example}`)],
    [text("sheets"), wrap(`${d.types.map((t) => `${t}: ${typeDescription(t)}`).join(" ")} codebook: every column, its data type and meaning, and each coded value. sources: the inputs. about: this sheet.`)],
    [text("cells"), wrap("Text stays text (an id, \"80%\" or \"2025\" is never turned into a number or date). Numbers are numeric cells: amounts in yuan (columns *_yuan) with thousands separators, exact as written. Date columns are dates. Lists are joined with | as in the CSV. An empty cell: the source does not say. A text that starts with = + - or @ carries Excel's leading-apostrophe guard and is never run as a formula.")],
    [text("columns"), wrap("What the record says comes first; where it comes from (id, source_file, source_line, source_page, quote) comes last.")],
    [text("other files"), wrap("<type>.json and <type>.csv hold the same records; codebook.md is the codebook; review/index.html shows each record beside its source text; manifest.json lists every file with its sha256.")],
  ];
  if (limits.cut) rows.push([text("cut cells"), wrap(`${limits.cut} text cell(s) longer than Excel's limit of ${MAX_CELL_CHARS} characters end with “…[cut …]”; the JSON and CSV hold the full text.`)]);
  for (const x of limits.rowsDropped) rows.push([text("rows"), wrap(`sheet ${x.type} holds the first ${x.kept} of ${x.of} records (Excel's row limit); ${x.type}.json holds all.`)]);
  return { name: "about", widths: [22, 100], rows, header: false };
}

/**
 * Where a row's number goes in a row rendered before its place in the sheet is
 * known. A raw U+0000 never appears in a cell's XML (xmlText writes it _x0000_).
 */
const ROW_NUMBER = "\u0000";
const ROW_START = rowStart(ROW_NUMBER);

/**
 * Records of one type as sheet rows, ready but for their row numbers: what can be
 * done where the records were extracted (a worker thread), so the thread that
 * writes the workbook only numbers and appends them. Plain data: strings and
 * typed arrays, cheap to pass between threads. Rendered where they are written,
 * their place is known: they are numbered as they are made (`from`).
 */
export interface SheetRows {
  /** one `<row>` per record, ROW_NUMBER where its number goes (unless `from` is set) */
  xml: string[];
  /** the number of the first row, when the rows carry their numbers already */
  from?: number;
  /**
   * each cell's shown width (capped), row after row; 0 for a cell that cannot be
   * wider than one above it in this batch (only each column's widest counts, and
   * the rows a sheet keeps are always a first part of a batch)
   */
  widths: Uint16Array;
  /** each column's widest shown width in the batch (the most of `widths` there): a batch kept whole adds only these */
  widest?: Uint16Array;
  /** text cells cut at Excel's limit, per row */
  cut: Uint8Array;
  /** records per input (source_file), in order */
  inputs: Array<[string, number]>;
  /** the first record that names its document (not a document itself): the about sheet's citation example */
  first: Record<string, unknown> | null;
}

/**
 * Sheet rows packed to leave the thread that made them: their XML, row after row,
 * as UTF-16 bytes in a buffer of their own, and where each row ends (in code units).
 * A buffer's contents are off the collector's heap: the writing thread holds an
 * input's rows from their arrival until their turn (src/parallel/pool.ts), and
 * their strings lived through its scavenges there, each copying them again.
 * UTF-16, not UTF-8: the strings' own code units, so packing and unpacking are
 * copies (any code unit, a lone surrogate too, comes back as it was).
 */
export interface PackedRows extends Omit<SheetRows, "xml"> {
  utf16: Uint8Array;
  ends: Uint32Array;
}

/** The rows of a batch as they leave their thread. */
export function packRows(rows: SheetRows | PackedRows): PackedRows {
  if (!("xml" in rows)) return rows;
  const { xml, ...rest } = rows;
  const ends = new Uint32Array(xml.length);
  let at = 0;
  for (let i = 0; i < xml.length; i++) ends[i] = at += xml[i]!.length;
  // a buffer of its own (Buffer.from may share a pool, which cannot be moved)
  const utf16 = Buffer.allocUnsafeSlow(at * 2);
  utf16.write(xml.join(""), 0, "utf16le");
  return { ...rest, utf16, ends };
}

/** The number of rows of a batch, packed or not. */
export const rowCount = (rows: SheetRows | PackedRows): number => ("xml" in rows ? rows.xml.length : rows.ends.length);

/** Each row's XML, unpacked: strings made as they are used, to die young. */
function rowsXml(rows: SheetRows | PackedRows): readonly string[] {
  if ("xml" in rows) return rows.xml;
  const b = rows.utf16;
  const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString("utf16le");
  // packed (shared/arrays.ts): a preallocated new Array(n) is holey, and the unpacked rows of a batch
  // rendered here are a packed array, both read by addRows
  let at = 0;
  return mapPacked(rows.ends, (end) => text.slice(at, (at = end)));
}

/** A sheet's columns, their names, each one's cell start (cellOpen), and where the input and the document title are among them (-1: not there). */
interface SheetLayout { fields: readonly FieldInfo[]; names: readonly string[]; opens: readonly string[]; fileAt: number; titleAt: number }
function sheetLayout(type: RecordType): SheetLayout {
  let l = layouts.get(type);
  if (!l) {
    const fields = readingOrder(type), names = mapPacked(fields, (f) => f.name);
    layouts.set(type, (l = { fields, names, opens: mapPacked(fields, (_, c) => cellOpen(c)), fileAt: names.indexOf("source_file"), titleAt: names.indexOf("doc_title") }));
  }
  return l;
}
/** made once per type: every batch of rows asks for it */
const layouts = new Map<RecordType, SheetLayout>();

/** The rows of some records: numbered from `from` when that is known, else with ROW_NUMBER in place of their numbers. */
export function sheetRows(type: RecordType, records: readonly Record<string, unknown>[], from?: number): SheetRows {
  const { fields, names, opens, fileAt, titleAt } = sheetLayout(type);
  const n = fields.length, count = records.length;
  // everything the loop reads or fills is a local: the records of each type have a shape of
  // their own, and a property read by name from a record (or from the result, which has
  // `from` or not) would be compiled for the first type's and thrown away at the next
  const xmls = new Array<string>(count), widths = new Uint16Array(count * n), cuts = new Uint8Array(count);
  const inputs: Array<[string, number]> = [];
  let first: Record<string, unknown> | null = null;
  const cites = type !== "documents";
  const limits: Limits = { cut: 0, rowsDropped: [] };
  // the widest cell of each column so far: measuring a text cell (by code unit) was most of
  // a sheet's rows' time, and one no longer than half that width (a unit shows at most two
  // columns), or any cell once the column is at the cap, cannot widen it
  const widest = new Uint16Array(n);
  // each column's value in the row above, its cell after the row number ("" for none) and whether it
  // was cut: a value repeated down a column (a record's input, document, section, quote: about half
  // the cells) is the same cell, not made, measured and escaped again; it cannot widen its column
  const above = mapPacked(names, (): unknown => undefined), tails = mapPacked(names, () => ""), cutAbove = new Uint8Array(n);
  let last: [string, number] | undefined;
  for (let i = 0; i < count; i++) {
    const r = records[i]!;
    let cut = 0;
    // each cell made, measured and written in one go: no row of cells in between
    const num = from === undefined ? ROW_NUMBER : String(from + i);
    let xml = from === undefined ? ROW_START : rowStart(num);
    let file: unknown, title: unknown;
    for (let c = 0; c < n; c++) {
      const v = r[names[c]!];
      if (c === fileAt) file = v;
      else if (c === titleAt) title = v;
      if (v === above[c]) {
        const tail = tails[c]!;
        if (tail) { xml += opens[c]! + num + tail; cut += cutAbove[c]!; }
        continue;
      }
      above[c] = v;
      limits.cut = 0;
      const cell = cellOf(fields[c]!, v, limits);
      cutAbove[c] = limits.cut;
      if (!cell) { tails[c] = ""; continue; }
      cut += limits.cut;
      const most = widest[c]!;
      if (most < MAX_WIDTH && (typeof cell.v !== "string" || cell.v.length * 2 > most)) {
        const w = shownWidth(cell, MAX_WIDTH);
        widths[i * n + c] = w;
        if (w > most) widest[c] = w;
      }
      const tail = cellTail(cell);
      tails[c] = tail;
      xml += opens[c]! + num + tail;
    }
    const input = String(fileAt < 0 ? r.source_file : file);
    if (last && last[0] === input) last[1]++; else inputs.push((last = [input, 1]));
    if (first === null && cites && (titleAt < 0 ? r.doc_title : title)) first = r;
    cuts[i] = cut;
    xmls[i] = xml + ROW_END;
  }
  const out: SheetRows = { xml: xmls, widths, widest, cut: cuts, inputs, first };
  if (from !== undefined) out.from = from;
  return out;
}

/** Where a record sheet's rows wait until the workbook is written: memory, or a scratch file. */
export interface RowStore {
  append(xml: string): void;
  chunks(): Iterable<string | Uint8Array>;
}

export function memoryRows(): RowStore {
  const rows: string[] = [];
  return { append: (x) => { rows.push(x); }, chunks: () => gathered(rows) };
}

/**
 * Rows joined into chunks of about GATHER_CHARS: the zip writer takes (and
 * yields after) each chunk, and a row at a time made its loop, the largest
 * function of the writer, hot enough to be compiled. The bytes are the rows'.
 */
function* gathered(rows: readonly string[]): Generator<string> {
  let chunk = "";
  for (let i = 0; i < rows.length; i++) {
    chunk += rows[i]!;
    if (chunk.length >= GATHER_CHARS) { yield chunk; chunk = ""; }
  }
  if (chunk) yield chunk;
}
const GATHER_CHARS = 1 << 16;

/** The inputs and failures, for the sources and about sheets. */
export interface BookMeta {
  version: string;
  inputs: WorkbookData["inputs"];
  failures: WorkbookData["failures"];
}

interface RecordSheet { type: RecordType; fields: readonly FieldInfo[]; rows: RowStore; widths: Widths; kept: number; total: number; first: Record<string, unknown> | null }

/**
 * The workbook built as records arrive, input after input: each record becomes its
 * row at once (in a RowStore) and only counts, column widths and one citation
 * example are kept, so a build of any size holds no sheet in memory.
 */
export class WorkbookBuilder {
  private readonly sheets: RecordSheet[];
  private readonly limits: Limits = { cut: 0, rowsDropped: [] };
  private readonly perInput = new Map<string, { documents: number; records: number }>();

  constructor(readonly types: readonly RecordType[], store: (type: RecordType) => RowStore) {
    this.sheets = types.map((type) => {
      const fields = readingOrder(type);
      const header = fields.map((f) => bold(f.name));
      const sheet: RecordSheet = { type, fields, rows: store(type), widths: new Widths(fields.length), kept: 0, total: 0, first: null };
      sheet.widths.add(header);
      sheet.rows.append(rowXml(header, 1));
      return sheet;
    });
  }

  /**
   * Records of one type, in the sheet's order (inputs in name order, each input's
   * records sorted): rendered here, each row with its number at once.
   */
  add(type: RecordType, records: readonly Record<string, unknown>[]): void {
    const sheet = this.sheets.find((s) => s.type === type);
    if (sheet) this.addRows(type, sheetRows(type, records, sheet.kept + 2));
  }

  /**
   * Rows rendered by sheetRows (here, or in the worker thread that extracted
   * them), in the sheet's order: each gets its row number (unless it was
   * rendered with it), the sheet its widths.
   */
  addRows(type: RecordType, rows: SheetRows | PackedRows): void {
    const sheet = this.sheets.find((s) => s.type === type);
    if (!sheet) return;
    const xml = rowsXml(rows);
    // rows numbered where they were made must be the sheet's next ones
    if (rows.from !== undefined && rows.from !== sheet.kept + 2) throw new Error(`sheet ${type}: rows numbered from ${rows.from} added at row ${sheet.kept + 2}`);
    for (const [input, n] of rows.inputs) {
      const e = this.perInput.get(input) ?? { documents: 0, records: 0 };
      e.records += n;
      if (type === "documents") e.documents += n;
      this.perInput.set(input, e);
    }
    sheet.total += xml.length;
    if (sheet.first === null && rows.first) sheet.first = rows.first;
    const n = sheet.fields.length, count = xml.length;
    // Excel's row limit: the header and MAX_ROWS - 1 records. A batch kept whole (nearly
    // every one) widens the columns by its widest cells at once, not a row at a time, and
    // its rows, numbered already, go to the store as one piece
    const whole = rows.widest !== undefined && sheet.kept + count <= MAX_ROWS - 1;
    if (whole) {
      sheet.widths.addShown(rows.widest!, 0);
      for (let i = 0; i < count; i++) this.limits.cut += rows.cut[i]!;
      if (rows.from !== undefined) {
        sheet.rows.append(xml.join(""));
        sheet.kept += count;
        return;
      }
    }
    for (let i = 0; i < count; i++) {
      if (sheet.kept >= MAX_ROWS - 1) break;
      if (!whole) {
        sheet.widths.addShown(rows.widths, i * n);
        this.limits.cut += rows.cut[i]!;
      }
      sheet.rows.append(rows.from === undefined ? xml[i]!.replaceAll(ROW_NUMBER, String(sheet.kept + 2)) : xml[i]!);
      sheet.kept++;
    }
  }

  /** Write the workbook's bytes to `out`. */
  finish(meta: BookMeta, out: (bytes: Uint8Array) => void): void {
    writeWorkbook(this.sheetsOf(meta), this.props(meta), out);
  }

  /** The same bytes, deflated on the thread pool (writeWorkbookAsync). */
  async finishAsync(meta: BookMeta, out: (bytes: Uint8Array) => void): Promise<void> {
    await writeWorkbookAsync(this.sheetsOf(meta), this.props(meta), out);
  }

  private props(meta: BookMeta): WorkbookProps {
    return { title: "policy-extract dataset", creator: `policy-extract ${meta.version}` };
  }

  private sheetsOf(meta: BookMeta): StreamSheet[] {
    for (const s of this.sheets) if (s.kept < s.total) this.limits.rowsDropped.push({ type: s.type, kept: s.kept, of: s.total });
    const cited = this.sheets.find((s) => s.first !== null);
    const example = citationExample(meta.version, cited ? { type: cited.type, r: cited.first! } : null);
    const totals = new Map(this.sheets.map((s) => [s.type as string, s.total]));
    const sheets: StreamSheet[] = this.sheets.map((s) => ({ name: s.type, widths: s.widths.get(), nCols: Math.max(s.fields.length, 1), nRows: s.kept + 1, header: true, rows: () => s.rows.chunks() }));
    sheets.push(memorySheet(codebookSheet(this.types)), memorySheet(sourcesSheet(meta, this.perInput)), memorySheet(aboutSheet({ ...meta, types: this.types, totals, example }, this.limits)));
    return sheets;
  }
}

/** The workbook's bytes, in memory: the same dataset always gives the same bytes. */
export function toWorkbook(d: WorkbookData): Uint8Array {
  const b = new WorkbookBuilder(d.types, memoryRows);
  for (const t of d.types) b.add(t, d.records[t] ?? []);
  const chunks: Uint8Array[] = [];
  b.finish(d, (c) => chunks.push(c));
  return Buffer.concat(chunks);
}
