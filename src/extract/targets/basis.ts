import { BASIS, includesAny, type Basis } from "./phrases.js";
import { endsWithAny } from "../../shared/lexicon.js";
import type { Timing } from "./year.js";

/**
 * Basis of a prose target (contract): 年均 → average_annual; 累计 or a
 * reduction against a base year → cumulative; 每年/全年 or a per-year unit →
 * annual; a count of things done over the horizon (新增, 建成, 培育 …) is a
 * yearly figure in an annual plan and a period total in a multi-year plan;
 * a value reached by a goal verb (达到, 稳定在) is a level.
 */
export interface BasisInput {
  /** words of the clause before the value (goal verb included) */
  before: string;
  /** the clause up to the value: a governing verb written before a list of values (发现100处…、20处…) */
  clauseBefore?: string;
  /** the goal verb right before the value, if any */
  verb: string | null;
  /** the sentence says 年均 */
  sentenceAverage: boolean;
  /** the sentence up to the value: 每年 at its start governs the values after it (每年推出10部…，50部…) */
  sentenceBefore?: string;
  unit: string | null;
  timing: Timing;
  /** the clause compares with a base year (较2020年下降18%) */
  againstBaseYear: boolean;
}

export function basisOf(b: BasisInput): Basis {
  // one indexed loop of native tests, not a closure made and called per verb for every value
  const levelVerb = b.verb !== null && endsWithAny(b.verb, BASIS.levelVerbs) !== null;
  if (includesAny(b.before, BASIS.averageAnnual)) return "average_annual";
  // 年均 elsewhere in the sentence covers a change (…年均增长7.5%左右，…收入增长8%), not a
  // level reached with its own verb (…，物流业增加值占全市GDP比重达到13%)
  if (b.sentenceAverage && (includesAny(b.before, BASIS.changeWords) || !levelVerb)) return "average_annual";
  if (includesAny(b.before, BASIS.cumulative)) return "cumulative";
  if (b.unit?.endsWith("/年") || includesAny(b.before, BASIS.annual) || includesAny(b.sentenceBefore ?? "", BASIS.annual)) return "annual";
  // a change measured against a base year (较2020年下降18%, 比2020年提高45%) is a period total
  if (b.againstBaseYear && includesAny(b.before, BASIS.changeWords)) return "cumulative";
  const annualPlan = b.timing.period !== null && !b.timing.period.includes("-");
  // rates, shares and service radii are levels reached, not amounts done
  if ((b.unit === "%" || b.unit === "‰") && annualPlan && includesAny(b.before, BASIS.changeWords)) return "annual";
  if (b.unit === "%" || b.unit === "‰" || /^(?:分钟|小时|ms|毫秒)$/.test(b.unit ?? "")) return "level";
  if (levelVerb) return "level";
  if (annualPlan && includesAny(b.before, BASIS.changeWords)) return "annual";
  if (includesAny(b.before, BASIS.periodVerbs) || includesAny(b.clauseBefore ?? "", BASIS.periodVerbs)) return annualPlan ? "annual" : "cumulative";
  return "level";
}
