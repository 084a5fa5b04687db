import lex from "../../data/subsidy-lexicon.json" with { type: "json" };

export type Instrument = "award" | "subsidy" | "interest_subsidy" | "funding" | "tax_relief" | "guarantee" | "other";
export type Frequency = "one_time" | "annual" | "monthly" | "multi_year";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const byLength = (a: string, b: string) => b.length - a.length;
/** alternation of words, longest first (so 最高不超过 wins over 最高) */
export const alt = (words: readonly string[]) => [...words].sort(byLength).map(esc).join("|");

export const SPECIFIC = lex.instruments.specific as Record<string, Instrument>;
export const GENERIC = lex.instruments.generic as Record<string, Instrument>;
export const SPECIFIC_RE = new RegExp(alt(Object.keys(SPECIFIC)), "g");
export const GENERIC_RE = new RegExp(alt(Object.keys(GENERIC)), "g");
export const ANY_INSTRUMENT_RE = new RegExp(alt([...Object.keys(SPECIFIC), ...Object.keys(GENERIC)]));

export const TAX_RELIEF_RE = new RegExp(alt(lex.taxRelief), "g");
export const TAX_WORD_RE = new RegExp(alt(lex.taxWords));

/** a cap word ending right before an amount, allowing payout words in between (单个项目最高奖补 500 万元) */
/** every payout word (specific and generic), as one alternation */
export const INSTRUMENT_WORDS = alt([...Object.keys(SPECIFIC), ...Object.keys(GENERIC)]);
/** the cap words, as one alternation */
export const CAP_WORDS = alt(lex.caps);
export const CAP_BEFORE_RE = new RegExp(`(?:${alt(lex.caps)})[^，,；。\\d]{0,6}$`);
export const FLOOR_BEFORE_RE = new RegExp(`(?:${alt(lex.floors)})[^，,；。\\d]{0,6}$`);
export const FLOOR_AFTER_RE = new RegExp(`^(?:${alt(lex.floorAfter)})(?!的)`);

export const POOL_RE = new RegExp(alt(lex.pools));
export const POOL_TARGET_RE = new RegExp(alt(lex.poolTargets));

/** verbs that give money: a generic instrument word (资金, 经费, 支持) counts only after one of them */
export const GIVE_RE = new RegExp(alt(lex.giveVerbs));
/** 力争达到400亿元, 累计完成: a goal, not a payout */
export const TARGET_BEFORE_RE = new RegExp(`(?:${alt(lex.targetWords)})[^，,；;。\\d]{0,4}$`);
export const EXCLUSION_RE = new RegExp(alt(lex.exclusions));
/** 投资 5 亿元, 交易金额超过 100 万元, 所得额低于100万元: the amount is a condition, not a payout */
export const CONDITION_BEFORE_RE = new RegExp(`(?:${alt(lex.conditionBefore)})(?:${alt(lex.conditionComparators)})?$`);
export const RATE_CHANGE_BEFORE_RE = new RegExp(`(?:由|从|${alt(lex.rateChange)})$`);

export const FREQUENCY_WORDS = lex.frequency as Record<"one_time" | "monthly" | "annual", string[]>;
export const NOT_ANNUAL_RE = new RegExp(alt(lex.notAnnual), "g");
export const ISSUER_CLAUSE_RE = new RegExp(`^(?:由)?(?:${alt(lex.issuers)})$`);

/** Tier words that vary inside a 分别 list: 国际、国家（行业）标准; 国家级、自治区级工业设计中心; I、II、III期 */
export const TIER_START_RE = new RegExp(`^(?:${alt(lex.tiers)})`);
export const TIER_END_RE = new RegExp(`(?:${alt(lex.tiers)})$`);
