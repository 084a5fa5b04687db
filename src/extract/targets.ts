import type { Extractor } from "./record.js";
import { proseTargets } from "./targets/prose.js";
import { qualitativeTargets } from "./targets/qualitative.js";
import { tableTargets } from "./targets/table.js";
import { timingOf } from "./targets/year.js";

/**
 * Targets (contract, targets): every row of an indicator table, every
 * quantified goal in prose and every checkable qualitative end state, each
 * with its indicator, value as written, comparator, due year and basis.
 */
export const extractTargets: Extractor<"targets"> = (doc) => {
  const timing = timingOf(doc);
  return tableTargets(doc, timing).concat(proseTargets(doc, timing), qualitativeTargets(doc, timing));
};
