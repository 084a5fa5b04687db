import type { RecordType } from "../generated/records.js";
import { codebookMarkdown } from "./codebook.js";
import { reviewIndex } from "./review/index-page.js";
import { reviewPageName } from "./review/page.js";
import { toWorkbook, WORKBOOK_NAME } from "./xlsx.js";

/**
 * The outputs for people rather than programs, written beside the JSON and CSV
 * and listed in the manifest like them: the workbook, the codebook, and the
 * review pages. The one place `writeDataset` (src/api.ts) asks for them.
 */
export interface DatasetView {
  version: string;
  /** records by type (any record shape: read as plain objects) */
  records: Readonly<Record<string, readonly object[]>>;
  inputs: ReadonlyArray<{ name: string; sha256: string; bytes: number; warnings?: readonly string[] }>;
  failures: ReadonlyArray<{ file: string; reason: string }>;
  /** each input's review page (src/emit/review/page.ts), by input name */
  reviews?: Readonly<Record<string, string>>;
}

export interface ExtraOutput { name: string; data: string | Uint8Array; records: number }

export function researcherOutputs(types: readonly RecordType[], view: DatasetView): ExtraOutput[] {
  const d = view as DatasetView & { records: Readonly<Record<string, readonly Record<string, unknown>[]>> };
  const counts = Object.fromEntries(types.map((t) => [t, (d.records[t] ?? []).length]));
  const total = types.reduce((n, t) => n + counts[t]!, 0);
  const out: ExtraOutput[] = [
    { name: WORKBOOK_NAME, data: toWorkbook({ version: d.version, types, records: d.records, inputs: d.inputs, failures: d.failures }), records: total },
    { name: "codebook.md", data: codebookMarkdown(d.version, counts, types), records: 0 },
  ];
  const pages = new Set<string>();
  const perInput = new Map<string, number>();
  for (const t of types) for (const r of d.records[t] ?? []) perInput.set(String(r.source_file), (perInput.get(String(r.source_file)) ?? 0) + 1);
  for (const i of d.inputs) {
    const html = d.reviews?.[i.name];
    if (html === undefined) continue;
    pages.add(i.name);
    out.push({ name: reviewPageName(i.name), data: html, records: perInput.get(i.name) ?? 0 });
  }
  out.push({ name: "review/index.html", data: reviewIndex({ version: d.version, types, records: d.records, inputs: d.inputs, failures: d.failures, pages }), records: total });
  return out;
}
