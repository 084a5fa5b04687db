import { placeOpeningClause } from "../../shared/places.js";
import type { Doc, Span } from "../../structure/types.js";
import { blockAt, type Draft, type Fields } from "../record.js";
import { bindingAt } from "./binding.js";
import type { Basis, Comparator } from "./phrases.js";
import type { Timing } from "./year.js";

/** Everything a target rule decides; `makeDraft` adds the document facts. */
export interface TargetParts {
  indicator: string;
  value: number | null;
  value_high: number | null;
  unit: string | null;
  comparator: Comparator;
  target_year: number | null;
  baseline_value?: number | null;
  baseline_year?: number | null;
  value_text: string;
  binding?: "expected" | "binding" | null;
  basis: Basis;
  value_normalized?: number | null;
  value_high_normalized?: number | null;
  unit_normalized?: string | null;
  category?: string | null;
  region?: string;
}

export function makeDraft(doc: Doc, timing: Timing, p: TargetParts, at: number, quote: Span): Draft<"targets"> {
  const block = blockAt(doc, at);
  const fields: Fields<"targets"> = {
    indicator: p.indicator,
    value: p.value,
    value_high: p.value_high,
    unit: p.unit,
    comparator: p.comparator,
    target_year: p.target_year,
    baseline_value: p.baseline_value ?? null,
    baseline_year: p.baseline_year ?? null,
    value_text: p.value_text,
    binding: p.binding ?? (block ? bindingAt(doc.source.text, block, at) : null),
    basis: p.basis,
    // a clause about a place inside the document's region is that place's target (满洲里口岸过货量…)
    region: p.region ?? placeOpeningClause(doc.source.text, at, doc.info.region_code) ?? doc.info.region,
    value_normalized: p.value_normalized ?? null,
    value_high_normalized: p.value_high_normalized ?? null,
    unit_normalized: p.unit_normalized ?? null,
    category: p.category ?? null,
    period: timing.period,
  };
  return { fields, at, quote, key: `${p.indicator}\u0000${p.value_text}` };
}
