import type { Draft, Extractor } from "./record.js";
import { proseTargets } from "./targets/prose.js";
import { qualitativeTargets } from "./targets/qualitative.js";
import { tableTargets } from "./targets/table.js";
import { timingOf } from "./targets/year.js";

/**
 * Targets (contract, targets): every row of an indicator table, every
 * quantified goal in prose and every checkable qualitative end state, each
 * with its indicator, value as written, comparator, due year and basis.
 */
export const extractTargets: Extractor<"targets"> = (doc, dropped) => {
  const timing = timingOf(doc);
  return tagged(tableTargets(doc, timing), "targets/table: a row under an indicator-table header (指标 | years | 年均/累计 | 属性)")
    .concat(tagged(proseTargets(doc, timing, dropped), "targets/prose: a quantity tied to an indicator and a due year (comparators and goal verbs: target-phrases.json)"),
      qualitativeTargets(doc, timing));
};

/** the rule of every draft a pass made, unless the pass named a finer one */
function tagged(drafts: Draft<"targets">[], rule: string): Draft<"targets">[] {
  for (const d of drafts) d.rule ??= rule;
  return drafts;
}
