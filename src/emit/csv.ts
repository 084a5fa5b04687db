import { stringify } from "csv-stringify/sync";

/**
 * CSV for Excel: UTF-8 with BOM, CRLF, header = field names, arrays joined
 * with `|`. A text cell that Excel would run as a formula (= + - @ tab CR at
 * the start) gets a leading apostrophe; numbers stay numbers. Any cell with a
 * line break is quoted (csv-stringify leaves a bare \n unquoted with CRLF).
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export function cell(v: unknown): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? "true" : "false";
  const s = Array.isArray(v) ? v.map((x) => String(x)).join("|") : String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function toCsv(columns: readonly string[], records: readonly Record<string, unknown>[]): string {
  const rows = records.map((r) => columns.map((c) => cell(r[c])));
  return stringify([columns as string[], ...rows], {
    bom: true,
    record_delimiter: "windows",
    quoted_match: [/[\r\n]/],
    cast: { number: (n) => String(n) },
  });
}
