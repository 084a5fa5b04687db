import lex from "../../data/subsidy-lexicon.json" with { type: "json" };
import { alt, byLength, escapeRegExp as esc } from "../../shared/lexicon.js";
import { charClass } from "../../shared/char-class.js";

export type Instrument = "award" | "subsidy" | "interest_subsidy" | "funding" | "tax_relief" | "guarantee" | "other";
export type Frequency = "one_time" | "annual" | "monthly" | "multi_year";


export const SPECIFIC = lex.instruments.specific as Record<string, Instrument>;
export const GENERIC = lex.instruments.generic as Record<string, Instrument>;
export const SPECIFIC_RE = new RegExp(alt(Object.keys(SPECIFIC)), "g");
export const GENERIC_RE = new RegExp(alt(Object.keys(GENERIC)), "g");
/** every payout word (specific and generic), as a list */
export const INSTRUMENT_LIST: readonly string[] = [...Object.keys(SPECIFIC), ...Object.keys(GENERIC)];
export const ANY_INSTRUMENT_RE = new RegExp(alt(INSTRUMENT_LIST));

/*
 * Gates. A pattern that must hold one of some words (or start or end with one) is run only on a text
 * that does (shared/lexicon.ts holdsAny, startsWithAny, endsWithAny): in a build most code runs once,
 * and a large pattern that never runs is never compiled (twice: V8 interprets a pattern's first run and
 * compiles it to native code on its second). Each gate takes the very list its pattern is built from,
 * so the two cannot drift apart.
 */

/** 免征, 减半征收, 税前…扣除: a relief verb (a "…" entry is two words in one clause) */
/** words with a gap (免征…税): each … stands for up to 12 characters inside one clause; longest first */
function gapped(words: readonly string[]): string {
  return byLength(words.map((w) => w.split("…").map(esc).join("[^，,；。]{0,12}"))).join("|");
}
export const TAX_RELIEF_RE = new RegExp(gapped(lex.taxRelief), "g");
/** the characters a relief term starts with (免征 → 免): a text holding a relief holds one of them */
export const TAX_RELIEF_LEADS: readonly string[] = [...new Set(lex.taxRelief.map((w) => w[0]!))];
export const TAX_WORD_RE = new RegExp(alt(lex.taxWords));

/** a cap word ending right before an amount, allowing payout words in between (单个项目最高奖补 500 万元) */
/** every payout word (specific and generic), as one alternation */
export const INSTRUMENT_WORDS = alt(INSTRUMENT_LIST);
/** the characters a payout word starts with: a text opening with none of them opens with no payout word */
export const INSTRUMENT_LEADS = charClass(INSTRUMENT_LIST.map((w) => w[0]!).join(""));
/** the cap words, as a list and as one alternation */
export const CAP_LIST: readonly string[] = lex.caps;
export const CAP_WORDS = alt(CAP_LIST);
export const CAP_BEFORE_RE = new RegExp(`(?:${alt(lex.caps)})[^，,；。\\d]{0,6}$`);
export const FLOOR_BEFORE_RE = new RegExp(`(?:${alt(lex.floors)})[^，,；。\\d]{0,6}$`);
export const FLOOR_AFTER_RE = new RegExp(`^(?:${alt(lex.floorAfter)})(?!的)`);
/** 给予600万元以内的运营费补贴: a bound written after the amount */
export const CAP_AFTER_RE = new RegExp(`^(?:${alt(lex.capAfter)})`);

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
/** 年度固定资产投资排前三名: 年度 qualifies a ranked indicator, not the payment */
export const RANKED_YEAR_RE = new RegExp(`(?:当年|年度)(?=[^，,；。]{0,12}?(?:${alt(lex.rankWords)}|前\\d{1,2}名))`, "g");
const PAYOUT_ACTS = `${INSTRUMENT_WORDS}|${alt([...lex.giveVerbs, ...lex.payVerbs])}`;
/** 一次性给予, 给予30万元一次性奖励, 一次性建设补贴: one-time qualifies the payout (一次性引进…会议 qualifies an act) */
export const ONE_TIME_RE = new RegExp(`(?:${alt(lex.frequency.one_time)})(?=[^，,；。]{0,8}?(?:${PAYOUT_ACTS}|\\d))`);
export const ISSUER_CLAUSE_RE = new RegExp(`^(?:由)?(?:${alt(lex.issuers)})$`);

/** Tier words that vary inside a 分别 list: 国际、国家（行业）标准; 国家级、自治区级工业设计中心; I、II、III期 */
/** a tier word starting where lastIndex is set (sticky), and the next one at or after it (global): set lastIndex first */
export const TIER_AT = new RegExp(alt(lex.tiers), "y");
export const TIER_NEXT = new RegExp(alt(lex.tiers), "g");
export const TIER_END_RE = new RegExp(`(?:${alt(lex.tiers)})$`);

/** A word list entry with "…" is two words in one clause: 调整…税额标准 */

/** 征收, 计征, 调整…税额标准: a clause that sets how a tax is levied (减按15%的税率征收 is a relief) */
export const TAX_LEVY_RE = new RegExp(`(?:${gapped(lex.taxLevy)})`);
/** 减按, 免征, 减半 in a clause that also states an amount: the amount is a tax relief's */
export const TAX_REDUCE_RE = new RegExp(alt(lex.taxReduce));
/** 免税时间自…起计算: the relief's term, not a relief */
export const TAX_RELIEF_TERM_RE = new RegExp(`^(?:${alt(lex.taxReliefTerm)})`);

/** a cap on what several awards add up to: 两项合计, 可同时享受…, 累计 */
export const COMBINED_CAP_RE = new RegExp(alt(lex.combinedCap));
/** 单个企业…每年奖励资金不超过50万元: a sentence that only caps the awards before it */
export const SHARED_CAP_LEAD_RE = new RegExp(`^(?:${alt(lex.capHedges)})?(?:${alt(lex.sharedCapLead)})`);
/** 累计不超过, 总额最高: the words before a cumulative cap */
export const TOTAL_CAP_BEFORE_RE = new RegExp(`(?:${alt(lex.totalCap)})[^，,；。\\d]{0,6}$`);
/** 累计奖励不超过1000万元。: a sentence that only adds a cumulative cap */
export const TOTAL_CAP_LEAD_RE = new RegExp(`^(?:${alt(lex.totalCap)})`);
/** who pays, not who receives: the last clause of a 分别 list item (中央和自治区分别承担…) */
export const GOVERNMENT_RE = new RegExp(`(?:^|[，,])(?:${alt(lex.payers)})$`);

const YEARS = "(?:\\d{1,2}|[一二两三四五六七八九十]{1,2})";
/**
 * 分三年发放, 分3年拨付: a payment schedule written after the award. Global, for the scan of a part
 * (fields.ts) and one search of a sentence (shared-caps.ts) alike: one pattern compiled, not two with
 * other flags. Each use sets lastIndex first.
 */
export const PAY_SCHEDULE_RE = new RegExp(`分${YEARS}年(?:${alt(lex.payVerbs)})`, "g");

const cut = lex.beneficiaryCut;
const cutWord = (w: string) => esc(w) + ((cut.notBefore as Record<string, string>)[w] ? `(?![${(cut.notBefore as Record<string, string>)[w]}])` : "");
/**
 * Where a condition phrase ends and the payout begins: a term that leads the payout
 * (自…起连续3年给予, 5年内按), 每年 before a payout word, or a payout word itself.
 */
export const CUT_RE = new RegExp(
  `(?:自[^，,]{1,16}起[，,]?)?(?:连续|分)?[\\d一二两三四五六七八九十]{1,2}年内?(?=${alt(cut.termBefore)})`
  + `|每年(?=${alt(cut.annualBefore)})`
  + `|${byLength(cut.words).map(cutWord).join("|")}`,
  "g",
);

/** 首次超过50亿元, 研发投入在600万元以上, 达到500万元: a threshold the applicant meets, not money paid (不超过/不低于 are bounds) */
export const THRESHOLD_BEFORE_RE = new RegExp(`(?<!不)(?:${alt(lex.thresholdBefore)})$`);
/** 第一年奖励5万元，第二年3万元: an instalment of an award stated before it */
export const INSTALMENT_BEFORE_RE = new RegExp(`第${YEARS}(?:${alt(lex.instalmentUnits)})[^，,；。\\d]{0,4}$`);
/** 资助标准原则上不高于…的20%, 标准为…的1%, 补助比例原则上不超过…的50%: the payout's own standard before its base */
export const RATE_LABEL_RE = new RegExp(`(?:${INSTRUMENT_WORDS})?的?(?:${alt(lex.rateLabels)})(?:为|是)?(?:${alt(lex.capHedges)})?(?:${CAP_WORDS}|${alt(lex.floors)})?`);
/** the loans a subsidy applies to (LOAN_BEFORE_RE's words: a text holding none of them is no loan's size) */
export const LOAN_WORDS: readonly string[] = lex.loanWords;
/** 贴息贷款最高不超过200万元: the size of the loan the subsidy applies to, not money paid (a guarantee loan is the payout) */
export const LOAN_BEFORE_RE = new RegExp(`(?<!担保)(?:${alt(LOAN_WORDS)})(?:额度|金额|本金|规模)?(?:最高|最多)?(?:不超过|不高于|不超)?$`);

const TERM_LINKS = ["为", "是", "共"], TERM_BOUNDS = ["最长不超过", "不超过", "最长为", "最长", "最多"];
/** 享受: what a term of enjoyment (TERM_AFTER_RE) and an award enjoyed (fields.ts) open with */
export const ENJOY = "享受";
const ENJOY_BOUNDS = ["最长不超过", "不超过", "最长", "最多", "共"];
/** the words TERM_AFTER_RE is made of (its gate's test enumerates every shape of a match from them) */
export const TERM_AFTER_WORDS = { terms: lex.termWords as readonly string[], links: TERM_LINKS, bounds: TERM_BOUNDS, enjoy: ENJOY, enjoyBounds: ENJOY_BOUNDS };
const longest = (words: readonly string[]) => words.reduce((n, w) => Math.max(n, w.length), 0);
/** 扶持期限为三年, 扶持期限不超过四年, 享受补贴不超过2年: the term of the payouts written before it */
export const TERM_AFTER_RE = new RegExp(
  `(?:${INSTRUMENT_WORDS})(?:${alt(lex.termWords)})(?:${alt(TERM_LINKS)})?(?:${alt(TERM_BOUNDS)})?(${YEARS})年`
  + `|${ENJOY}(?:${INSTRUMENT_WORDS})?(?:${alt(lex.termWords)})?(?:${alt(ENJOY_BOUNDS)})(${YEARS})年`, "g");
/** the characters of words, as the body of a character class */
const charsOf = (words: readonly string[]) => [...new Set(words.join(""))].map(esc).join("");
/**
 * What every TERM_AFTER_RE match holds: a term word or 享受, then up to as many characters of the words
 * that can stand between them as those words can take, then a number of years. A small pattern made of
 * the same lists: a text without it (most items) is not searched by the large one, which is then never
 * compiled.
 */
export const TERM_AFTER_GATE = new RegExp(
  `(?:${alt([...lex.termWords, ENJOY])})`
  + `[${charsOf([...TERM_LINKS, ...TERM_BOUNDS, ...INSTRUMENT_LIST, ...lex.termWords, ...ENJOY_BOUNDS])}]`
  + `{0,${Math.max(longest(TERM_LINKS) + longest(TERM_BOUNDS), longest(INSTRUMENT_LIST) + longest(lex.termWords) + longest(ENJOY_BOUNDS))}}${YEARS}年`);
