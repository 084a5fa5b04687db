import { SaxesParser } from "saxes";

/**
 * Reads a flat OpenDocument spreadsheet (.fods, what LibreOffice writes with
 * --convert-to fods): every sheet's cells with the type LibreOffice gave them,
 * their value, and any formula. Trailing empty cells and rows are dropped.
 */
export type CellType = "string" | "float" | "date" | "percentage" | "currency" | "boolean" | "time" | "empty";
export interface Cell { type: CellType; value: string | number; text: string; formula: string | null; style: string | null }
export interface Sheet { name: string; rows: Cell[][] }

const EMPTY: Cell = { type: "empty", value: "", text: "", formula: null, style: null };

export function readFods(xml: string): Sheet[] {
  const sheets: Sheet[] = [];
  const p = new SaxesParser({ xmlns: false });
  let sheet: Sheet | null = null;
  let row: Cell[] | null = null;
  let rowRepeat = 1;
  let cell: { attrs: Record<string, string>; paras: string[]; repeat: number } | null = null;
  let para: string | null = null;
  p.on("opentag", (t) => {
    const a = t.attributes as Record<string, string>;
    switch (t.name) {
      case "table:table": sheet = { name: a["table:name"] ?? "", rows: [] }; break;
      case "table:table-row": row = []; rowRepeat = Number(a["table:number-rows-repeated"] ?? 1); break;
      case "table:table-cell": case "table:covered-table-cell":
        cell = { attrs: a, paras: [], repeat: Number(a["table:number-columns-repeated"] ?? 1) }; break;
      case "text:p": if (cell) para = ""; break;
      case "text:s": if (para !== null) para += " ".repeat(Number(a["text:c"] ?? 1)); break;
      case "text:tab": if (para !== null) para += "\t"; break;
      case "text:line-break": if (para !== null) para += "\n"; break;
    }
  });
  p.on("text", (s) => { if (para !== null) para += s; });
  p.on("closetag", (t) => {
    switch (t.name) {
      case "text:p": if (cell && para !== null) { cell.paras.push(para); para = null; } break;
      case "table:table-cell": case "table:covered-table-cell": {
        if (!cell || !row) break;
        const a = cell.attrs;
        const type = (a["office:value-type"] ?? "empty") as CellType;
        const text = cell.paras.join("\n");
        const value = type === "float" || type === "percentage" || type === "currency" ? Number(a["office:value"])
          : type === "date" ? a["office:date-value"]! : type === "string" ? (a["office:string-value"] ?? text) : text;
        const c: Cell = type === "empty" && !text ? EMPTY : { type, value, text, formula: a["table:formula"] ?? null, style: a["table:style-name"] ?? null };
        // LibreOffice pads rows to 16384 columns with one repeated empty cell: never expand that
        const n = c === EMPTY && cell.repeat > 64 ? 0 : cell.repeat;
        for (let i = 0; i < n; i++) row.push(c);
        cell = null;
        break;
      }
      case "table:table-row": {
        if (!sheet || !row) break;
        while (row.length && row[row.length - 1] === EMPTY) row.pop();
        if (row.length) for (let i = 0; i < Math.min(rowRepeat, 64); i++) sheet.rows.push(row);
        else if (rowRepeat < 64) for (let i = 0; i < rowRepeat; i++) sheet.rows.push([]);
        row = null;
        break;
      }
      case "table:table":
        if (sheet) { while (sheet.rows.length && !sheet.rows[sheet.rows.length - 1]!.length) sheet.rows.pop(); sheets.push(sheet); }
        sheet = null;
        break;
    }
  });
  p.write(xml).close();
  return sheets;
}
