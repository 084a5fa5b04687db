import { EXTRACTORS } from "../../src/extract/index.js";
import { finalize } from "../../src/extract/record.js";
import type { RecordType } from "../../src/generated/records.js";
import type { DocumentInfo } from "../../src/structure/types.js";
import { docOf } from "../helpers.js";

/**
 * The rules corpus (issue 9): per record type, real sentences with the fields
 * the extractor must give for each (test/corpus/<type>.json `cases`), and
 * sentences that must give no record of that type (`negative`). One
 * table-driven test runs them all (corpus.test.ts), the way Recognizers-Text's
 * Specs/*.json and duckling's Corpus.hs do. A sentence is read as a document
 * of its own kind: a five-year plan (fyp), an annual plan (annual) or a
 * document with no horizon (opinion).
 */
export type DocKind = "fyp" | "annual" | "opinion";
export const DOC_INFO: Record<DocKind, Partial<DocumentInfo>> = {
  fyp: { plan_period: [2026, 2030] },
  annual: { plan_year: 2025 },
  opinion: {},
};

/** The fields a case states for each type: the ones a reader checks first. */
export const KEY_FIELDS: Record<RecordType, string[]> = {
  documents: [],
  targets: ["indicator", "value", "value_high", "unit", "comparator", "target_year", "basis"],
  projects: ["name", "stage", "sector"],
  railways: ["name", "stage", "line_class", "stops"],
  highways: ["name", "code", "stage", "road_class"],
  subsidies: ["instrument", "amount_yuan", "amount_max_yuan", "amount_min_yuan", "rate_pct", "frequency", "beneficiary"],
};

export interface CorpusCase { id: string; doc: DocKind; text: string; expect: Array<Record<string, unknown>> }
export interface CorpusFile { $comment?: string; cases: CorpusCase[]; negative: Array<{ id: string; doc: DocKind; text: string; why?: string }> }

/** Key fields of every record of `type` the extractor gives for `text` read as a `doc`. */
export function keyRecords(type: RecordType, text: string, doc: DocKind): Array<Record<string, unknown>> {
  const d = docOf(text, DOC_INFO[doc]);
  const recs = finalize(type, d, (EXTRACTORS[type] as (x: typeof d) => never[])(d)) as unknown as Array<Record<string, unknown>>;
  return recs.map((r) => Object.fromEntries(KEY_FIELDS[type].map((k) => [k, r[k] ?? null])));
}
