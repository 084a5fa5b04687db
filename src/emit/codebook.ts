import { RECORD_TYPES, type RecordType } from "../generated/records.js";
import { fieldsOf, typeDescription, type FieldInfo } from "./fields.js";

/**
 * The codebook: every column of every record type, its data type and meaning,
 * and each enum value with its meaning, all read from schemas/ (src/emit/fields.ts).
 * One generator for three places: out/codebook.md, the workbook's codebook
 * sheet, and the column tables of README.md (scripts/gen-readme-columns.mjs).
 */

/** A column's data type in words, as the codebook states it. */
export function dataTypeText(f: FieldInfo): string {
  const base = {
    string: "text",
    integer: "integer",
    number: "number",
    date: "date (ISO: YYYY-MM-DD, or YYYY-MM)",
    list: "list of text (joined with | in CSV and workbook)",
    enum: "one of the values listed",
  }[f.kind];
  return f.nullable && f.kind !== "enum" ? `${base}, or empty` : base;
}

const valueText = (v: string | null) => (v === null ? "empty" : v);

/** One row of the codebook sheet. */
export interface CodebookRow { type: string; field: string; dataType: string; meaning: string; value: string; valueMeaning: string }
export const CODEBOOK_COLUMNS = ["type", "field", "data type", "meaning", "value", "value meaning"] as const;

/** The codebook as rows: one per column, and one per enum value (type and field repeated, so a filter keeps them together). */
export function codebookRows(types: readonly RecordType[] = RECORD_TYPES): CodebookRow[] {
  const rows: CodebookRow[] = [];
  for (const t of types) {
    for (const f of fieldsOf(t)) {
      const head = { type: t, field: f.name, dataType: dataTypeText(f), meaning: f.meaning };
      if (!f.values.length) rows.push({ ...head, value: "", valueMeaning: "" });
      for (const v of f.values) rows.push({ ...head, value: valueText(v.value), valueMeaning: v.meaning });
    }
  }
  return rows;
}

const cellMd = (s: string) => s.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** The meaning column of a markdown table: the description, then each enum value with its meaning. */
function meaningMd(f: FieldInfo): string {
  const values = f.values.map((v) => (v.value === null ? "empty" : `\`${v.value}\``) + (v.meaning ? ` (${v.meaning})` : ""));
  return cellMd([f.meaning, values.length ? `values: ${values.join("; ")}` : ""].filter(Boolean).join(". "));
}

function typeMd(f: FieldInfo): string {
  if (f.kind === "enum") return f.values.map((v) => (v.value === null ? "null" : `\`${v.value}\``)).join(" / ");
  return cellMd(dataTypeText(f));
}

/** The column tables: one `####` section per type (README.md and codebook.md). */
export function columnsMarkdown(types: readonly RecordType[] = RECORD_TYPES): string {
  let md = "";
  for (const t of types) {
    md += `\n#### \`${t}.json\` / \`${t}.csv\` — ${typeDescription(t)}\n\n| column | type | meaning |\n|---|---|---|\n`;
    for (const f of fieldsOf(t)) md += `| \`${f.name}\` | ${typeMd(f)} | ${meaningMd(f)} |\n`;
  }
  return md;
}

/**
 * LibreOffice's CSV filter for a type's CSV with each column typed from the schema:
 * numbers Standard (1), everything else Text (2), so "2025", "80%", 150000 or an
 * ISO date stay as written. UTF-8 (76), comma (44), double quote (34), from line 1.
 */
export function libreOfficeCsvFilter(type: RecordType): string {
  const cols = fieldsOf(type).map((f, i) => `${i + 1}/${f.kind === "number" || f.kind === "integer" ? 1 : 2}`);
  return `CSV:44,34,76,1,${cols.join("/")}`;
}

/** The columns of a type's CSV that a spreadsheet or pandas must read as text (all but the numbers). */
export function textColumns(type: RecordType): string[] {
  return fieldsOf(type).filter((f) => f.kind !== "number" && f.kind !== "integer").map((f) => f.name);
}

function csvImportMarkdown(types: readonly RecordType[]): string {
  let md = `## Opening the CSV files with column types

`;
  md += `A spreadsheet that guesses types turns \`80%\` into 0.8, \`2025\` into a number and ISO dates into dates, and drops leading zeros. `;
  md += `Read the text columns as text (the workbook \`policy-extract.xlsx\` is already typed). The files are UTF-8 with a BOM, comma-separated, CRLF.\n\n`;
  md += `- LibreOffice: \`soffice --infilter="<filter>" file.csv\` with the filter below (or in the import dialog set these columns to Text).\n`;
  md += `- Excel: Data → From Text/CSV → Transform Data, set the columns below to Text.\n`;
  md += `- pandas: \`pd.read_csv(file, dtype={c: str for c in TEXT_COLUMNS}, keep_default_na=False, na_values=[""])\`.\n\n`;
  md += `| file | text columns | LibreOffice filter |\n|---|---|---|\n`;
  for (const t of types) md += `| \`${t}.csv\` | ${textColumns(t).join(", ")} | \`${libreOfficeCsvFilter(t)}\` |\n`;
  return md;
}

/** out/codebook.md: how to read the dataset, this build's record counts, then every column. */
export function codebookMarkdown(version: string, counts: Readonly<Record<string, number>>, types: readonly RecordType[] = RECORD_TYPES): string {
  let md = `# policy-extract codebook\n\n`;
  md += `Generated by policy-extract ${version} from its JSON Schemas (schemas/). `;
  md += `Each record type is one file in JSON (\`<type>.json\`), CSV (\`<type>.csv\`) and one sheet of \`policy-extract.xlsx\`. `;
  md += `Every record cites its source: \`source_file\` (input file name), \`source_line\` (1-based line of the original file) and \`quote\` (the sentence or table row it was read from). `;
  md += `Empty means the source does not state the value (JSON null).\n\n`;
  md += `## Records in this build\n\n| type | records | what one record is |\n|---|---:|---|\n`;
  for (const t of types) md += `| \`${t}\` | ${counts[t] ?? 0} | ${cellMd(typeDescription(t))} |\n`;
  md += `\n${csvImportMarkdown(types)}`;
  md += `\n## Columns\n${columnsMarkdown(types)}`;
  return md;
}
