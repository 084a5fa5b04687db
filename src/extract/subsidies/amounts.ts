import units from "../../data/units.json" with { type: "json" };
import { mulPow10 } from "../../shared/decimal.js";
import { alt, holdsAny } from "../../shared/lexicon.js";
import { moneyOf, type Money } from "../../shared/money.js";
import { decToNumber, findQuantities, normalizedValue, type Quantity } from "../../shared/numbers.js";
import {
  GENERIC_RE, POOL_RE, SPECIFIC_RE, TARGET_BEFORE_RE, GIVE_RE,
  CAP_AFTER_RE, CAP_BEFORE_RE, CONDITION_BEFORE_RE, EXCLUSION_RE, FLOOR_AFTER_RE, FLOOR_BEFORE_RE, RATE_CHANGE_BEFORE_RE,
} from "./lexicon.js";
import { clauseEnd, clauseStart, type Piece } from "../../structure/clauses.js";
import { CAP_WORDS, INSTALMENT_BEFORE_RE, INSTRUMENT_WORDS, LOAN_BEFORE_RE, LOAN_WORDS, RATE_LABEL_RE, THRESHOLD_BEFORE_RE, TOTAL_CAP_BEFORE_RE } from "./lexicon.js";

/**
 * The amounts a clause pays out, each with its role. Offsets are in the
 * item's text (the part's offset added).
 *
 * Shapes: fixed (给予30万元), cap (最高/不超过500万元), floor (不低于50亿元,
 * 300万元以上), range (10万元—300万元, 100—300元), rate (按设备投资总额的10%),
 * multiple (国家奖金额度的5倍 → rate 500). Amounts that only state a
 * condition (投资5亿元及以上, 交易金额超过100万元的) or a per-unit base
 * (每新增100万元) are not payouts.
 */
export type Role = "fixed" | "cap" | "floor" | "range" | "rate";

export interface Pay {
  role: Role;
  start: number;
  end: number;
  yuan: number | null;
  low: number | null;
  high: number | null;
  rate: number | null;
  rateBase: string | null;
  /** upper end of a rate range (按5%—20%: 20), else null */
  rateHigh: number | null;
  /** unit suffix of the amount: 元/月 → "/月" */
  perSuffix: string | null;
  /** a cap written in another sentence and shared by this record: it gives no source line */
  shared: boolean;
  /** years of the payment schedule written in a shared cap's sentence (…分三年发放), else null */
  scheduleYears: number | null;
}

/**
 * Every payout is made here: one literal, every field present in one order, so all payouts have one shape.
 * Made by literals of three field orders, by spreads and by copies adding `shared` and `scheduleYears`,
 * they had five maps: each read of a payout's fields (fieldsOf, firstPay, slotFilled, …) was megamorphic,
 * and a shape first met after a reader was optimized threw it back to the interpreter.
 */
export function makePay(role: Role, start: number, end: number, yuan: number | null, low: number | null, high: number | null,
  rate: number | null, rateBase: string | null, rateHigh: number | null, perSuffix: string | null, shared = false, scheduleYears: number | null = null): Pay {
  return { role, start, end, yuan, low, high, rate, rateBase, rateHigh, perSuffix, shared, scheduleYears };
}

/** `p` shared by records other than its own (a cap after a 分别 list, a cap written in a later sentence). */
export function sharedPay(p: Pay, scheduleYears = p.scheduleYears): Pay {
  return makePay(p.role, p.start, p.end, p.yuan, p.low, p.high, p.rate, p.rateBase, p.rateHigh, p.perSuffix, true, scheduleYears);
}

/** 给予30万奖励, 分别扶持5000万、500万: 万 or 亿 with no 元 in a payout clause is yuan (contract v3). */
const BARE_MAGNITUDES = new Set(["万", "亿", "千万", "百万", "十万", "万亿"]);
function moneyIn(q: Quantity, which = q.value): Money | null {
  return moneyOf(q, which) ?? (q.unitNormalized == null && BARE_MAGNITUDES.has(q.unit ?? "") ? { yuan: normalizedValue(q, which), per: null } : null);
}
const isYuan = (q: Quantity) => moneyIn(q) !== null;
/**
 * Every word a payout amount is written with: a base unit (units.json) read as money or a rate (元, %, ‰, 倍),
 * or a bare magnitude. A quantity's unit is written in the text it is found in, so a text holding none of these
 * holds no payout: most parts that name an instrument (支持…) state none, and one native search rejects them
 * before their numbers are read.
 */
const PAY_UNITS = [
  ...Object.entries(units.units as unknown as Record<string, [string, number]>).filter(([, [n]]) => n === "yuan" || n === "%" || n === "‰" || n === "times").map(([u]) => u),
  ...BARE_MAGNITUDES,
];
/** a text holds one of them if it holds one not containing another (千万 holds 万): single characters, one class to scan for */
const PAY_UNIT_WORDS = PAY_UNITS.filter((w) => !PAY_UNITS.some((v) => v !== w && w.includes(v)));
const PAY_UNIT_RE = new RegExp(alt(PAY_UNIT_WORDS));
/** the characters a pay unit starts with: a text holding a pay unit holds one of them, in whichever line it was cut (payouts.ts) */
export const PAY_UNIT_LEADS: readonly string[] = [...new Set(PAY_UNIT_WORDS.map((w) => w[0]!))];
/** Can `text` hold a payout amount (paysOf finds none in a text where this is false)? */
export const mayHoldPay = (text: string) => PAY_UNIT_RE.test(text);
const RANGE_GAP = /^(?:——|—|–|-|~|～|至|到)$/;
/** after a condition amount: 及以上, 以下, （含100万元）的, 以上且 */
const CONDITION_AFTER = new RegExp(`^(?:（[^）]{0,16}）)?(?:及以上|及以下|以下|(?:以上)?(?:（含[^）]{0,12}）)?(?:的(?!标准|一次性|研发|科研|运营|建设|担保|[^，,；。给予对按\\d]{0,4}(?:${INSTRUMENT_WORDS}|奖|补))|且))`);
/** between two amounts of one condition: 1.5亿元、3亿元; 1000万元及以上至5000万元; 100万元至300万元 */
const CONDITION_LIST_GAP = /^(?:（[^）]{0,12}）)?(?:及以上|以上|及以下|以下)?(?:、|和|及|或|至|到|——|—|–|-|~|～)$/;
/** words right before an amount that make it a payout (给予 100 万元的一次性奖励) */
const PAYOUT_BEFORE = /(?:给予|予以|提供|奖励|奖补|补贴|补助|资助|安排|投入|支持|设立|统筹)[^，,；。\d]{0,4}$/;
const PER_BASE_BEFORE = /每(?:新增|增加|增长|减少)$/;
/**
 * 单项补助支持额度不超过3000万元, 扶持金额最高不超过30万元, 补助上限原则上不超过200万元: the bound of
 * the payout itself (its 额度/金额/上限 named after the payout word), not a condition on the applicant.
 */
const PAYOUT_CAP_BEFORE = new RegExp(`(?:${INSTRUMENT_WORDS})(?:支持|资金)?(?:额度|金额|标准|上限)(?:原则上)?(?:${CAP_WORDS})$`);
/** a tax deduction or relief share raised: 减除幅度由10%调整为30% (the old level is no payout) */
const RELIEF_RAISED = /([^，,；。]{0,24}税[^，,；。]{0,12}?(?:减除|减免|扣除|抵扣)(?:幅度|比例))由[\d.]{1,8}%(?:调整为|调整到|提高至|提高到)$/;
const RATE_BY = /(?:按照|减按|按)/;
/** rates listed before 的比例分N年/分期 …发放/拨付/兑现: a payment schedule, not rates of a base */
const INSTALMENT_AFTER = /^(?:\s*[、，,和及]\s*\d+(?:\.\d+)?[%％])*\s*的?(?:比例)?(?:分(?:\d|[一二两三四五六七八九十])+(?:年|期|次)|分期|逐年)/;
/** 按应奖励额的30%: a share of the award already granted */
const INSTALMENT_BASE = /(?:应奖励|应补助|应扶持|奖励|补助|扶持)(?:资金)?(?:额|金额|总额)的$/;
const RATE_AFTER_OK = /^(?:的(?:[^，,；。]{0,12}(?:补贴|补助|奖补|奖励|资金|支持|税率)|税率)|且|、|和|给予|奖补|补助|补贴|进行|提供|计征|征收|每)/;
const RATE_CONDITION_AFTER = /^(?:（含）)?(?:及以上|以上|以下|及以下)/;
const RATE_CONDITION_BEFORE = /(?:超过|低于|高于|不高于|达到|占|占比|比例|费率|利率|成本|最高不超过|不超过)$/;

function yuanNumber(q: Quantity, which = q.value): number {
  return moneyIn(q, which)?.yuan ?? 0;
}

/**
 * 10、20、30万元: bare numbers listed before an amount share its unit. For each quantity, the
 * amount whose unit it takes (itself when it has a unit), found right to left in one pass.
 */
function sharedUnits(text: string, qs: Quantity[]): (Quantity | null)[] {
  const unitOf: (Quantity | null)[] = new Array(qs.length).fill(null);
  for (let i = qs.length - 1; i >= 0; i--) {
    const q = qs[i]!;
    if (q.unit !== null) { unitOf[i] = q; continue; }
    const next = qs[i + 1];
    if (next && unitOf[i + 1] && /^\s*[、，,和及]\s*$/.test(text.slice(q.end, next.start)) && text.slice(q.end, next.start).trim() !== "") unitOf[i] = unitOf[i + 1];
  }
  return unitOf;
}
/** A bare number read in the unit of the amount it is listed with. */
function withUnit(q: Quantity, u: Quantity): Quantity {
  return q.unit !== null ? q : { ...q, unit: u.unit, unitNormalized: u.unitNormalized, exponent: u.exponent };
}

/** 按1%给予, 的20%, 3倍: a rate as a percent, exactly (‰ → percent; N倍 → N×100) */
function percentOf(q: Quantity, which = q.value): number {
  if (q.unitNormalized === "times") return decToNumber(mulPow10(which, 2));
  if (q.unitNormalized === "‰") return decToNumber(mulPow10(which, -1));
  return decToNumber(which);
}

/**
 * The payouts of `part`, a piece of `itemText` (part.text is itemText's slice at part.start). Clause bounds are
 * read on the item and clamped to the part: the item's boundary table is built once, where one built for every
 * part's own text cost as much as reading its amounts.
 */
export function paysOf(part: Piece, itemText: string): Pay[] {
  const text = part.text;
  if (!mayHoldPay(text)) return [];
  const P = part.start;
  const partClauseStart = (i: number) => clauseStart(itemText, P + i, P) - P;
  const partClauseEnd = (i: number) => clauseEnd(itemText, P + i, part.end) - P;
  const qs = findQuantities(text);
  const units = sharedUnits(text, qs);
  const out: Pay[] = [];
  SPECIFIC_RE.lastIndex = 0;
  const specificInPart = SPECIFIC_RE.test(text);
  GENERIC_RE.lastIndex = 0;
  const genericInPart = GENERIC_RE.test(text);
  /** end of the last amount read as a condition: an amount listed after it is one too */
  let conditionEnd = -1;
  for (let i = 0; i < qs.length; i++) {
    const q = withUnit(qs[i]!, units[i] ?? qs[i]!);
    // read once: the money of an amount is asked for at every step below
    const money = moneyIn(q);
    // neither money nor a rate (2025年, 10个): no payout, and its clause need not be read
    if (!money && !isRate(q)) continue;
    const cs = partClauseStart(q.start);
    const ce = partClauseEnd(q.end);
    const clause = text.slice(cs, ce);
    if (EXCLUSION_RE.test(clause)) continue;
    const before = text.slice(Math.max(cs, q.start - 10), q.start).replace(/\s+/g, "");
    const after = text.slice(q.end, Math.min(text.length, q.end + 24));
    const at = { start: part.start + q.start, end: part.start + q.end };
    if (money) {
      if (PER_BASE_BEFORE.test(before)) continue;
      // 第一年奖励5万元，第二年3万元: instalments of one award (contract v3)
      if (out.length > 0 && INSTALMENT_BEFORE_RE.test(before)) continue;
      // a payout is named by a specific instrument word (补贴, 奖励) in its part, a budget verb (安排) before it, or a
      // generic word (资金, 经费, 支持) with a giving verb in its clause:
      // "研发经费投入力争达到400亿元" and "招商引资到位资金5700亿元" are targets, not payouts
      const clauseBefore = text.slice(cs, q.start);
      GENERIC_RE.lastIndex = 0;
      // …可申请经营规模拓展扶持，扶持的标准为：…，分别一次性给予企业10万、20万: the generic word may open the part;
      // "按1%给予落户扶持，最高不超过300万元": a cap right after a payout of the part bounds that payout
      const before24 = text.slice(Math.max(cs, q.start - 24), q.start).replace(/\s+/g, "");
      const named = specificInPart || POOL_RE.test(clauseBefore) || (GIVE_RE.test(clause) && (GENERIC_RE.test(clause) || genericInPart))
        || (out.length > 0 && CAP_BEFORE_RE.test(before)) || PAYOUT_CAP_BEFORE.test(before24);
      // 累计不超过1000万元 is a cumulative cap, 累计完成400亿元 a target
      if (!named || (TARGET_BEFORE_RE.test(before) && !(CAP_BEFORE_RE.test(before) && TOTAL_CAP_BEFORE_RE.test(before)))) continue;
      const next = qs[i + 1] ? withUnit(qs[i + 1]!, units[i + 1] ?? qs[i + 1]!) : undefined;
      const rangeNext = !q.high && next && isYuan(next) && RANGE_GAP.test(text.slice(q.end, next.start).trim());
      const end = rangeNext ? next.end : q.end;
      const afterAll = text.slice(end, Math.min(text.length, end + 24));
      const payoutBefore = PAYOUT_BEFORE.test(before) || PAYOUT_CAP_BEFORE.test(before24);
      // 首次超过50亿元、30亿元…的企业; 研发投入在600万元以上; 1000万元及以上至5000万元的部分: thresholds are conditions
      const listedCondition = conditionEnd >= 0 && CONDITION_LIST_GAP.test(text.slice(conditionEnd, q.start).replace(/\s+/g, ""));
      if (listedCondition || THRESHOLD_BEFORE_RE.test(before) || (holdsAny(before, LOAN_WORDS) && LOAN_BEFORE_RE.test(before)) || (!payoutBefore && (CONDITION_BEFORE_RE.test(before) || CONDITION_AFTER.test(afterAll)))) {
        conditionEnd = end;
        if (rangeNext) i++;
        continue;
      }
      // 4000元/头: a per-suffix the unit table does not know
      const slashUnit = /^\/([\u4e00-\u9fff])/.exec(after);
      const perSuffix = money.per ?? (slashUnit ? `/${slashUnit[1]}` : null);
      if (!money.per && slashUnit) at.end += slashUnit[0].length;
      // 10万元—300万元: two amounts joined by a range dash
      if (rangeNext) {
        out.push(makePay("range", at.start, part.start + next.end, null, yuanNumber(q), yuanNumber(next), null, null, null, perSuffix));
        i++;
        continue;
      }
      if (q.high) {
        out.push(makePay("range", at.start, at.end, null, yuanNumber(q), yuanNumber(q, q.high), null, null, null, perSuffix));
        continue;
      }
      const v = money.yuan;
      // "最高500万元、200万元": a bound written once governs the whole list
      const prev = out[out.length - 1];
      const listed = prev && (prev.role === "cap" || prev.role === "floor") && /^\s*[、和及]\s*$/.test(text.slice(prev.end - part.start, q.start));
      const role: Role = CAP_BEFORE_RE.test(before) || CAP_AFTER_RE.test(after) ? "cap"
        : FLOOR_BEFORE_RE.test(before) || FLOOR_AFTER_RE.test(after) ? "floor" : listed ? prev.role : "fixed";
      out.push(makePay(role, at.start, at.end, v, null, null, null, null, null, perSuffix));
      continue;
    }
    const prev = out[out.length - 1];
    const rate = ratePay(text, q, cs, before, after, prev, prev ? prev.end - part.start : 0, partClauseStart, partClauseEnd, part.start);
    if (rate) out.push(rate);
  }
  return out;
}

/** 按不超过项目研发投入的30%: the bound on the rate is no part of its base */
const BOUND_HEAD = /^(?:原则上)?(?:最高不超过|不超过|不高于|最高|最多|不低于)/;
/** 从市补贴的土地出让金收益中留取不低于: the revenue a share is set aside from */
const POOL_SHARE_BEFORE = /(?:从|在)([^，,；。]{2,30}?)中(?:留取|提取|划出|安排|统筹)(?:不低于|不少于|不超过)?$/;
/** a fund named before a share of it: 全市用于社会福利事业的彩票公益金，50%以上用于支持发展养老服务业 */
const FUND_BEFORE = /(?:公益金|资金|基金|经费|收益)[，,]$/;
/** 扶持12%。 由市以上财政补助80%，: a rate right after the payout verb, ending its clause */
const RATE_AFTER_VERB = new RegExp(`(?:${INSTRUMENT_WORDS})$`);
/** 可享受50%贷款利息的一次性贴息: the base written after the rate, before the payout word */
const BASE_AFTER = new RegExp(`^([^，,；。\\d%]{2,12}?)的[^，,；。]{0,6}?(?:${INSTRUMENT_WORDS})`);

/** a percent, a per-mille or a multiple (N倍): what a rate payout is written in */
const isRate = (q: Quantity) => q.unitNormalized === "%" || q.unitNormalized === "‰" || q.unitNormalized === "times";

/** A rate payout (按设备投资的20%, 国家奖金额度的5倍, 0.5‰) or null when the percent is no payout; `offset`: the part's start in the item. */
function ratePay(text: string, q: Quantity, cs: number, before: string, after: string, prev: Pay | undefined, prevEnd: number,
  clauseStartAt: (i: number) => number, clauseEndAt: (i: number) => number, offset: number): Pay | null {
  const pct = q.unitNormalized === "%" || q.unitNormalized === "‰";
  if (!isRate(q)) return null;
  // 按5%—20%给予补助: a rate range (rate_pct and rate_pct_high); a range of multiples is left alone
  if (q.high && !pct) return null;
  const clauseBefore = text.slice(cs, q.start).replace(/\s+/g, "");
  const rate = (rateBase: string | null): Pay =>
    makePay("rate", offset + q.start, offset + q.end, null, null, null, percentOf(q), rateBase, q.high ? percentOf(q, q.high) : null, null);
  const afterT = after.trim();
  // "全市…的彩票公益金，50%以上用于支持发展养老服务业": the share of a fund given to a use is that fund's payout
  if (pct && /^(?:以上)?(?:专门)?用于/.test(afterT)) {
    const fundClause = text.slice(clauseStartAt(Math.max(0, cs - 1)), cs).replace(/\s+/g, "");
    if (cs > 0 && clauseBefore === "" && FUND_BEFORE.test(fundClause) && GIVE_RE.test(text.slice(q.end, clauseEndAt(q.end)))) {
      return rate(fundClause.slice(0, -1).replace(/^(?:其中|并|将)/, ""));
    }
    // "其中，60%用于对获奖项目主要完成人的奖励": a share of how the money is spent, not a rate of a base
    return null;
  }
  // 按40%、30%、30%的比例分三年发放, 分别按应奖励额的30%、30%和40%拨付: instalments of one award (contract v3)
  if (pct && (INSTALMENT_AFTER.test(text.slice(q.end, Math.min(text.length, q.end + 60))) || INSTALMENT_BASE.test(before))) return null;
  // 按20%的税率缴纳企业所得税, 可按3%的税率计征营业税: the tax rate levied, not a relief (减按15%的税率 is one)
  if ((afterT.startsWith("税率") || afterT.startsWith("的税率")) && !before.endsWith("减按")) return null;
  if (RATE_CHANGE_BEFORE_RE.test(before) || RATE_CONDITION_AFTER.test(after)) {
    // "房产税从价计征的减除幅度由10%调整为30%": a tax relief share raised to a new level is that relief's rate
    const raised = pct && !RATE_CONDITION_AFTER.test(after) ? RELIEF_RAISED.exec(clauseBefore) : null;
    return raised ? rate(raised[1]!) : null;
  }
  // 分别承担 45% 和 30% 的保险费补贴: a rate listed after a rate continues it
  if (prev?.role === "rate" && /^\s*(?:和|、|及|与)\s*$/.test(text.slice(prevEnd, q.start))) {
    return makePay(prev.role, offset + q.start, offset + q.end, prev.yuan, prev.low, prev.high, percentOf(q), prev.rateBase, prev.rateHigh, prev.perSuffix, prev.shared, prev.scheduleYears);
  }
  // 资助标准原则上不高于产品订货合同的20%, 标准为…投资额的1%: the payout's own standard names the base
  const label = RATE_LABEL_RE.exec(clauseBefore);
  if (label && clauseBefore.endsWith("的")) {
    const base = clauseBefore.slice(label.index + label[0].length, -1).replace(BOUND_HEAD, "");
    if (base.length >= 2) return rate(base);
  }
  const by = RATE_BY.exec(clauseBefore);
  let base: string | null = null;
  // 按照不高于10%, 给予不低于25%的政府补贴, 研发投入按照1%给予资金奖补: a rate with no base written after 的
  const bounded = /(?:按照|按|给予|予以)(?:不高于|不超过|最高|不低于)?$/.test(clauseBefore);
  const baseAfter = BASE_AFTER.exec(afterT);
  if (bounded && baseAfter && !afterT.startsWith("的")) {
    // 可享受50%贷款利息的一次性贴息
    base = baseAfter[1]!;
  } else if (bounded && (afterT.startsWith("给予") || afterT.startsWith("的") || RATE_AFTER_OK.test(afterT))) {
    // 按其年实际贷款额给予不超过6%的…贴息: the base written between 按 and the giving verb
    base = /(?:按照|按)([^，,；。]{2,20}?)(?:给予|予以)(?:不高于|不超过|最高|不低于)?$/.exec(clauseBefore)?.[1] ?? null;
  } else if (pct && POOL_SHARE_BEFORE.test(clauseBefore) && /^的(?:资金|经费)/.test(afterT)) {
    // 每年应从市补贴的土地出让金收益中留取不低于5%的资金，用于…: a share set aside from a revenue is a pool
    base = POOL_SHARE_BEFORE.exec(clauseBefore)![1]!;
  } else if (by && clauseBefore.endsWith("的")) {
    base = clauseBefore.slice(by.index + by[0].length, clauseBefore.length - 1);
  } else if (by && BY_BASE_AFTER.test(afterT)) {
    // 按照增资金额1%的标准给予, 按农村“五保”集中供养标准15倍给予补助: the base written between 按 and the rate
    base = clauseBefore.slice(by.index + by[0].length) || null;
  } else if (/(?:给予|予以)([^，,；。]{0,30})$/.test(clauseBefore) && RATE_AFTER_OK.test(afterT)) {
    base = /(?:给予|予以)([^，,；。]{0,30})$/.exec(clauseBefore)![1]!.replace(/^一次性/, "") || null;
  } else if (pct && RATE_AFTER_OK.test(afterT) && !RATE_CONDITION_BEFORE.test(before) && (before.endsWith("承担") || before.endsWith("减按"))) {
    base = null;
  } else if (pct && afterT.startsWith("的税率") && before.endsWith("减按")) {
    base = "税率";
  } else if (pct && RATE_AFTER_VERB.test(clauseBefore) && /^(?:[，,。；;]|$)/.test(after)) {
    // 扶持12%。 年度所需经费由市以上财政补助80%，
    base = null;
  } else if (pct && !by && (before.endsWith("享受") || before.endsWith("获得")) && baseAfter) {
    base = baseAfter[1]!;
  } else return null;
  if (RATE_CONDITION_BEFORE.test(before) && !by && !bounded && !POOL_SHARE_BEFORE.test(clauseBefore)) return null;
  // 给予企业最高10%的…: the recipient and the bound are no base
  const cleanBase = base ? base.replace(/^(?:其|照)/, "").replace(BOUND_HEAD, "").replace(/(?:企业)?(?:最高|不超过|不低于|不高于)$/, "") : null;
  return rate(cleanBase || null);
}
/** after a rate written right after its base (按增资金额1%的标准给予): the standard or the payout */
const BY_BASE_AFTER = new RegExp(`^(?:的标准|的比例|比例|的)?(?:给予|予以|进行|${INSTRUMENT_WORDS}|核定|计算)`);
