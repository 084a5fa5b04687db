import { extractTargets } from "../../../src/extract/targets.js";
import type { DocumentInfo } from "../../../src/structure/types.js";
import { docOf, sentence } from "../../helpers.js";

/** The 15th five-year plan's horizon, the 2025 annual plan's, and an opinion's (none). */
export const FYP: Partial<DocumentInfo> = { plan_period: [2026, 2030] };
export const ANNUAL: Partial<DocumentInfo> = { plan_year: 2025 };
export const OPINION: Partial<DocumentInfo> = {};

/** Target fields of every record the extractor finds in `text`. */
export function targets(text: string, info: Partial<DocumentInfo>) {
  return extractTargets(docOf(text, info)).map((d) => d.fields);
}

/** Corpus sentences by their ids (test/corpus/sentences.json): fyp-885 is line 885 of the 15th plan seed. */
export const fyp = (n: number) => sentence(`fyp-${n}`);
export const annual = (n: number) => sentence(`annual-${n}`);

/** [indicator, value, unit, comparator] of each record, for compact assertions. */
export const brief = (rs: ReturnType<typeof targets>) => rs.map((r) => [r.value, r.unit, r.comparator]);
