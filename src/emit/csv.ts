import { stringify, type Options } from "csv-stringify/sync";

/**
 * CSV for Excel: UTF-8 with BOM, CRLF, header = field names, arrays joined
 * with `|`. A text cell that Excel would run as a formula (= + - @ tab CR at
 * the start) gets a leading apostrophe; numbers stay numbers. Any cell with a
 * line break is quoted (csv-stringify leaves a bare \n unquoted with CRLF).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** FORMULA_START.test(s), by the first code unit: it is asked of every text cell of the CSV and the workbook. */
export function startsFormula(s: string): boolean {
  // the empty text asked first: its first code unit (NaN) is read out of bounds, which throws the compiled code away
  if (!s.length) return false;
  const c = s.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

export function cell(v: unknown): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  const s = Array.isArray(v) ? listText(v) : String(v);
  return startsFormula(s) ? `'${s}` : s;
}

/**
 * A list as one text, its items joined with | (the CSV's and the workbook's
 * lists): `v.map(String).join("|")`, without the array in between, whose kind of
 * elements (none, or some) differs from list to list and made the compiled
 * code of every caller start again.
 */
export function listText(v: readonly unknown[]): string {
  let s = "";
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    // a hole is kept by map and joined as nothing
    const t = x === undefined && !(i in v) ? "" : String(x);
    s = i ? s + "|" + t : t;
  }
  return s;
}

const OPTIONS: Options = {
  record_delimiter: "windows",
  quoted_match: [/[\r\n]/],
  cast: { number: (n: number) => String(n) },
};

/** The header line, after the BOM. */
export function csvHeader(columns: readonly string[]): string {
  return stringify([columns as string[]], { ...OPTIONS, bom: true });
}

/**
 * A line of `n` cells none of which csv-stringify quotes with OPTIONS (a cell
 * holding the delimiter, the quote or a line break): exactly n - 1 commas and no
 * quote or line break. One native test of the line, not one of every cell.
 */
function plainLine(n: number): RegExp {
  let re = plainLines.get(n);
  if (!re) plainLines.set(n, (re = new RegExp(`^${PLAIN_CELLS(n)}$`)));
  return re;
}
const plainLines = new Map<number, RegExp>();
/** `n` cells of a plain line: no quote, line break or comma in a cell, a comma between two */
const PLAIN_CELLS = (n: number): string => `[^,"\\r\\n]*${n > 1 ? `(?:,[^,"\\r\\n]*){${n - 1}}` : ""}`;

/**
 * Lines of `n` cells, each plainLine and ended by CRLF, one after another: one
 * native test of a batch's lines (a test of each line made a flat copy of it
 * first, as it was joined from its cells). Linear: each cell stops at the first
 * character its class leaves out, and that is the only one that may follow it.
 */
function plainLinesOf(n: number): RegExp {
  let re = plainRuns.get(n);
  if (!re) plainRuns.set(n, (re = new RegExp(`^(?:${PLAIN_CELLS(n)}\\r\\n)*$`)));
  return re;
}
const plainRuns = new Map<number, RegExp>();

/** A record's cells joined by commas, as they are made (a number joins as its String): no array of them in between. */
function joinedCells(columns: readonly string[], r: Record<string, unknown>): string {
  let line = "";
  for (let c = 0; c < columns.length; c++) {
    const v = cell(r[columns[c]!]);
    line = c ? line + "," + v : line + v;
  }
  return line;
}

/**
 * Data lines for some records (each ends with CRLF, so pieces can be appended one
 * after another). A record none of whose cells is quoted is what csv-stringify
 * writes for it, its cells joined by commas: nearly every record (Chinese text
 * uses full-width commas and quotes), and csv-stringify's casting and checks of
 * each field were most of the CSV's time (and slow while they are not yet
 * compiled: a build of a few inputs is mostly that). A batch holding any other
 * is written by quotedRows.
 */
export function csvRows(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  return plainRows(columns, records) ?? quotedRows(columns, records);
}

/**
 * The lines of records none of whose cells csv-stringify would quote, or null if
 * one has such a cell. The loop has no branch that only such a record takes: one
 * taken first after the loop was compiled (the seeds have a few) threw its
 * compiled code away, twice, and each time it was compiled again.
 */
function plainRows(columns: readonly string[], records: readonly Record<string, unknown>[]): string | null {
  let out = "";
  const count = records.length;
  for (let i = 0; i < count; i++) out += joinedCells(columns, records[i]!) + "\r\n";
  return plainLinesOf(columns.length).test(out) ? out : null;
}

/** Lines of records some of which csv-stringify quotes: the plain ones as plainRows makes them, the others, in runs, by csv-stringify. */
function quotedRows(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  let out = "";
  let run: Array<Array<string | number>> = [];
  const count = records.length, plain = plainLine(columns.length);
  for (let i = 0; i < count; i++) {
    const r = records[i]!, line = joinedCells(columns, r);
    if (!plain.test(line)) { run.push(columns.map((c) => cell(r[c]))); continue; }
    if (run.length) { out += stringify(run, OPTIONS); run = []; }
    out += line + "\r\n";
  }
  return run.length ? out + stringify(run, OPTIONS) : out;
}

export function toCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  return csvHeader(columns) + csvRows(columns, records);
}
