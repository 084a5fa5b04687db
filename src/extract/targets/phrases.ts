import table from "../../data/target-phrases.json" with { type: "json" };
import { byLength, firstContained, holdsAny } from "../../shared/lexicon.js";
// each qualitative pattern's required words, derived at build time (scripts/gen-required-words.mjs)
import required from "../../generated/required-words.json" with { type: "json" };

/**
 * The targets phrase tables (src/data/target-phrases.json), typed and
 * pre-sorted once: longest phrase first, so a scan that takes the first hit
 * takes the longest one (不低于 before 低于, 及以上 before 以上).
 */
export type Comparator = "approx" | "gte" | "gt" | "lte" | "lt" | "eq";
export type Basis = "level" | "annual" | "average_annual" | "cumulative";

const entries = (o: Record<string, string>) =>
  Object.entries(o).filter(([k]) => !k.startsWith("$")).sort((a, b) => b[0].length - a[0].length) as Array<[string, Comparator]>;

export const COMPARATOR_SUFFIX = entries(table.comparators.suffix);
/** prefix phrases; `…` entries (保持在…以上) are documentation only and skipped */
export const COMPARATOR_PREFIX = entries(table.comparators.prefix).filter(([k]) => !k.includes("…"));
export const PREFIX_WINDOW = table.comparators.prefixWindow;
export const TIME_UNITS = new Set(table.comparators.timeUnits);
export const TIME_CIRCLE_WORDS = byLength(table.comparators.timeCircleWords);

export const GOAL_VERBS = byLength(table.indicator.goalVerbs);
export const NOT_VERB_AFTER = table.indicator.notVerbAfter as Record<string, string>;
export const INDICATOR_LEAD_INS = byLength(table.indicator.leadIns);
export const TASK_OPENERS = byLength(table.indicator.taskOpeners);
export const INDICATOR_TRIM = new Set([...table.indicator.trimChars]);
export const RELATIONAL_HEADS = byLength(table.indicator.relationalHeads);
/** indicator-table header words (target-phrases.json tableHeader) */
export const TABLE_HEADER = {
  indicator: byLength(table.tableHeader.indicator),
  binding: byLength(table.tableHeader.binding),
  average: byLength(table.tableHeader.average),
  unit: new Set(table.tableHeader.unit),
  category: byLength(table.tableHeader.category),
};

export const BASIS = {
  averageAnnual: byLength(table.basis.averageAnnual),
  cumulative: byLength(table.basis.cumulative),
  annual: byLength(table.basis.annual),
  periodVerbs: byLength(table.basis.periodVerbs),
  levelVerbs: byLength(table.basis.levelVerbs),
  changeWords: byLength(table.basis.changeWords),
  reductionWords: byLength(table.basis.reductionWords),
};

export const PAST = {
  markers: byLength(table.past.markers),
  baselineWords: byLength(table.past.baselineWords),
  sentenceOpeners: byLength(table.past.sentenceOpeners),
};

export const NOT_TARGETS = {
  conditionAttributes: byLength(table.notTargets.conditionAttributes),
  restatedListHeads: byLength(table.notTargets.restatedListHeads),
  nameWords: byLength(table.notTargets.nameWords),
  directionOnly: byLength(table.notTargets.directionOnly),
  classUnits: new Set(table.notTargets.classUnits),
  genericIndicatorHeads: byLength(table.notTargets.genericIndicatorHeads),
  allocationAfter: byLength(table.notTargets.allocationAfter),
  progressEnds: byLength(table.notTargets.progressEnds),
};

export interface QualitativePattern {
  re: RegExp;
  kind: string;
  comparator: Comparator;
  /** the indicator is written after the value phrase (不发生规模性返贫致贫) */
  indicatorAfter: boolean;
  /** only a target when the clause states a year (a 2035 vision sentence) */
  needsYear: boolean;
  /** leading words cut from the value phrase */
  trim: RegExp | null;
  /** one of these words is in every match (scripts/gen-required-words.mjs), or null when none is known */
  words: readonly string[] | null;
}

export const QUALITATIVE: QualitativePattern[] = table.qualitative.patterns.map((p) => {
  const q = p as { re: string; kind: string; comparator?: string; indicatorAfter?: boolean; needsYear?: boolean; trim?: string };
  return {
    re: new RegExp(q.re, "u"),
    kind: q.kind,
    comparator: (q.comparator ?? "eq") as Comparator,
    indicatorAfter: !!q.indicatorAfter,
    needsYear: !!q.needsYear,
    trim: q.trim ? new RegExp(q.trim, "u") : null,
    // a pattern changed since the build has no entry: tried on every clause, never missed
    words: Object.hasOwn(required, q.re) ? (required as Record<string, string[] | null>)[q.re]! : null,
  };
});
export const QUALITATIVE_LEAD_INS = byLength(table.qualitative.leadIns);
/** the pieces of the required words a document is searched for (target-phrases.json placeWords) */
export const QUALITATIVE_PLACE_WORDS: readonly string[] = table.qualitative.placeWords;

/** First phrase of `list` (in list order) that `text` contains. */
export function includesAny(text: string, list: readonly string[]): string | null {
  if (!holdsAny(text, list)) return null;
  const i = firstContained(text, list);
  return i < 0 ? null : list[i]!;
}
