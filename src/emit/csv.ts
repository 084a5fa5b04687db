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
  const c = s.charCodeAt(0);
  return c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09 || c === 0x0d;
}

export function cell(v: unknown): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  const s = Array.isArray(v) ? v.map((x) => String(x)).join("|") : String(v);
  return startsFormula(s) ? `'${s}` : s;
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

/** A text cell csv-stringify quotes with OPTIONS: one holding the delimiter, the quote or a line break. */
const QUOTED_CELL = /[,"\r\n]/;
const quoted = (v: string | number): boolean => typeof v === "string" && QUOTED_CELL.test(v);

/**
 * Data lines for some records (each ends with CRLF, so pieces can be appended one
 * after another). A record none of whose cells is quoted is what csv-stringify
 * writes for it, its cells joined by commas: nearly every record (Chinese text
 * uses full-width commas and quotes), and csv-stringify's casting and checks of
 * each field were most of the CSV's time (and slow while they are not yet
 * compiled: a build of a few inputs is mostly that). The others, in runs, are
 * written by csv-stringify.
 */
export function csvRows(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  let out = "";
  let run: Array<Array<string | number>> = [];
  for (const r of records) {
    // the line made as its cells are (a number joins as its String), no array of them in between
    let line = "";
    let plain = true;
    for (let c = 0; c < columns.length; c++) {
      const v = cell(r[columns[c]!]);
      if (plain && quoted(v)) plain = false;
      line = c ? line + "," + v : line + v;
    }
    if (!plain) { run.push(columns.map((c) => cell(r[c]))); continue; }
    if (run.length) { out += stringify(run, OPTIONS); run = []; }
    out += line + "\r\n";
  }
  return run.length ? out + stringify(run, OPTIONS) : out;
}

export function toCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  return csvHeader(columns) + csvRows(columns, records);
}
