import { mulPow10 } from "../../shared/decimal.js";
import { moneyOf, type Money } from "../../shared/money.js";
import { decToNumber, findQuantities, normalizedValue, type Quantity } from "../../shared/numbers.js";
import {
  GENERIC_RE, POOL_RE, SPECIFIC_RE, TARGET_BEFORE_RE, GIVE_RE,
  CAP_BEFORE_RE, CONDITION_BEFORE_RE, EXCLUSION_RE, FLOOR_AFTER_RE, FLOOR_BEFORE_RE, RATE_CHANGE_BEFORE_RE,
} from "./lexicon.js";
import { clauseEnd, clauseStart, type Piece } from "./text.js";
import { CAP_WORDS, INSTRUMENT_WORDS } from "./lexicon.js";

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
  /** upper end of a rate range (按5%—20%: 20), else absent */
  rateHigh?: number | null;
  /** unit suffix of the amount: 元/月 → "/月" */
  perSuffix: string | null;
  /** a cap written in another sentence and shared by this record: it gives no source line */
  shared?: boolean;
}

/** 给予30万奖励, 分别扶持5000万、500万: 万 or 亿 with no 元 in a payout clause is yuan (contract v3). */
const BARE_MAGNITUDES = new Set(["万", "亿", "千万", "百万", "十万", "万亿"]);
function moneyIn(q: Quantity, which = q.value): Money | null {
  return moneyOf(q, which) ?? (q.unitNormalized == null && BARE_MAGNITUDES.has(q.unit ?? "") ? { yuan: normalizedValue(q, which), per: null } : null);
}
const isYuan = (q: Quantity) => moneyIn(q) !== null;
const RANGE_GAP = /^(?:——|—|–|-|~|～|至|到)$/;
/** after a condition amount: 及以上, 以下, （含100万元）的, 以上且 */
const CONDITION_AFTER = /^(?:（[^）]{0,16}）)?(?:及以上|及以下|以下|(?:以上)?(?:（含[^）]{0,12}）)?(?:的(?!标准|一次性|资金|奖|补|经费|研发|科研|运营|建设|担保)|且))/;
/** words right before an amount that make it a payout (给予 100 万元的一次性奖励) */
const PAYOUT_BEFORE = /(?:给予|予以|提供|奖励|奖补|补贴|补助|资助|安排|投入|支持|设立|统筹)[^，,；。\d]{0,4}$/;
const PER_BASE_BEFORE = /每(?:新增|增加|增长|减少)$/;
/**
 * 单项补助支持额度不超过3000万元, 扶持金额最高不超过30万元, 补助上限原则上不超过200万元: the bound of
 * the payout itself (its 额度/金额/上限 named after the payout word), not a condition on the applicant.
 */
const PAYOUT_CAP_BEFORE = new RegExp(`(?:${INSTRUMENT_WORDS})(?:支持|资金)?(?:额度|金额|标准|上限)(?:原则上)?(?:${CAP_WORDS})$`);
const RATE_OF = /的$/;
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

export function paysOf(part: Piece): Pay[] {
  const text = part.text;
  const qs = findQuantities(text);
  const out: Pay[] = [];
  SPECIFIC_RE.lastIndex = 0;
  const specificInPart = SPECIFIC_RE.test(text);
  GENERIC_RE.lastIndex = 0;
  const genericInPart = GENERIC_RE.test(text);
  for (let i = 0; i < qs.length; i++) {
    const q = qs[i]!;
    const cs = clauseStart(text, q.start);
    const ce = clauseEnd(text, q.end);
    const clause = text.slice(cs, ce);
    if (EXCLUSION_RE.test(clause)) continue;
    const before = text.slice(Math.max(cs, q.start - 10), q.start).replace(/\s+/g, "");
    const after = text.slice(q.end, Math.min(text.length, q.end + 24));
    const at = { start: part.start + q.start, end: part.start + q.end };
    if (isYuan(q)) {
      if (PER_BASE_BEFORE.test(before)) continue;
      // a payout is named by a specific instrument word (补贴, 奖励) in its part, a budget verb (安排) before it, or a
      // generic word (资金, 经费, 支持) with a giving verb in its clause:
      // "研发经费投入力争达到400亿元" and "招商引资到位资金5700亿元" are targets, not payouts
      const clauseBefore = text.slice(cs, q.start);
      GENERIC_RE.lastIndex = 0;
      // …可申请经营规模拓展扶持，扶持的标准为：…，分别一次性给予企业10万、20万: the generic word may open the part
      const named = specificInPart || POOL_RE.test(clauseBefore) || (GIVE_RE.test(clause) && (GENERIC_RE.test(clause) || genericInPart));
      if (!named || TARGET_BEFORE_RE.test(before)) continue;
      const payoutBefore = PAYOUT_BEFORE.test(before) || PAYOUT_CAP_BEFORE.test(text.slice(Math.max(cs, q.start - 24), q.start).replace(/\s+/g, ""));
      if (!payoutBefore && (CONDITION_BEFORE_RE.test(before) || CONDITION_AFTER.test(after))) continue;
      // 4000元/头: a per-suffix the unit table does not know
      const slashUnit = /^\/([\u4e00-\u9fff])/.exec(after);
      const perSuffix = moneyIn(q)!.per ?? (slashUnit ? `/${slashUnit[1]}` : null);
      if (!moneyIn(q)!.per && slashUnit) at.end += slashUnit[0].length;
      // 10万元—300万元: two amounts joined by a range dash
      const next = qs[i + 1];
      if (!q.high && next && isYuan(next) && RANGE_GAP.test(text.slice(q.end, next.start).trim())) {
        out.push({ role: "range", start: at.start, end: part.start + next.end, yuan: null, low: yuanNumber(q), high: yuanNumber(next), rate: null, rateBase: null, perSuffix });
        i++;
        continue;
      }
      if (q.high) {
        out.push({ role: "range", ...at, yuan: null, low: yuanNumber(q), high: yuanNumber(q, q.high), rate: null, rateBase: null, perSuffix });
        continue;
      }
      const v = yuanNumber(q);
      // "最高500万元、200万元": a bound written once governs the whole list
      const prev = out[out.length - 1];
      const listed = prev && (prev.role === "cap" || prev.role === "floor") && /^\s*[、和及]\s*$/.test(text.slice(prev.end - part.start, q.start));
      const role: Role = CAP_BEFORE_RE.test(before) ? "cap"
        : FLOOR_BEFORE_RE.test(before) || FLOOR_AFTER_RE.test(after) ? "floor" : listed ? prev.role : "fixed";
      out.push({ role, ...at, yuan: v, low: null, high: null, rate: null, rateBase: null, perSuffix });
      continue;
    }
    const pct = q.unitNormalized === "%";
    const times = q.unitNormalized === "times";
    if (!pct && !times) continue;
    // 按5%—20%给予补助: a rate range (rate_pct and rate_pct_high); a range of multiples is left alone
    if (q.high && !pct) continue;
    // "其中，60%用于对获奖项目主要完成人的奖励": a share of how the money is spent, not a rate of a base
    if (pct && /^\s*(?:专门)?用于/.test(after)) continue;
    // 按40%、30%、30%的比例分三年发放, 分别按应奖励额的30%、30%和40%拨付: instalments of one award (contract v3)
    if (pct && (INSTALMENT_AFTER.test(text.slice(q.end, Math.min(text.length, q.end + 60))) || INSTALMENT_BASE.test(before))) continue;
    if (RATE_CHANGE_BEFORE_RE.test(before) || RATE_CONDITION_AFTER.test(after)) {
      // "房产税从价计征的减除幅度由10%调整为30%": a tax relief share raised to a new level is that relief's rate
      const raised = pct && !RATE_CONDITION_AFTER.test(after) ? RELIEF_RAISED.exec(text.slice(cs, q.start).replace(/\s+/g, "")) : null;
      if (raised) out.push({ role: "rate", ...at, yuan: null, low: null, high: null, rate: decToNumber(q.value), rateBase: raised[1]!, perSuffix: null });
      continue;
    }
    // 分别承担 45% 和 30% 的保险费补贴: a rate listed after a rate continues it
    const prev = out[out.length - 1];
    if (prev?.role === "rate" && /^\s*(?:和|、|及|与)\s*$/.test(text.slice(prev.end - part.start, q.start))) {
      out.push({ ...prev, start: part.start + q.start, end: part.start + q.end, rate: decToNumber(times ? mulPow10(q.value, 2) : q.value) });
      continue;
    }
    const clauseBefore = text.slice(cs, q.start).replace(/\s+/g, "");
    const by = RATE_BY.exec(clauseBefore);
    let base: string | null = null;
    // 按照不高于10%, 给予不低于25%的政府补贴, 研发投入按照1%给予资金奖补: a rate with no base written after 的
    const bounded = /(?:按照|按|给予|予以)(?:不高于|不超过|最高|不低于)?$/.test(clauseBefore);
    if (bounded && (/^(?:给予|的)/.test(after.trim()) || RATE_AFTER_OK.test(after.trim()))) {
      base = null;
    } else if (by && RATE_OF.test(clauseBefore)) {
      base = clauseBefore.slice(by.index + by[0].length, clauseBefore.length - 1);
    } else if (/(?:给予|予以)([^，,；。]{0,30})$/.test(clauseBefore) && RATE_AFTER_OK.test(after.trim())) {
      base = /(?:给予|予以)([^，,；。]{0,30})$/.exec(clauseBefore)![1]!.replace(/^一次性/, "") || null;
    } else if (pct && RATE_AFTER_OK.test(after.trim()) && !RATE_CONDITION_BEFORE.test(before) && /(?:承担|减按)$/.test(before)) {
      base = null;
    } else if (pct && /^的税率/.test(after.trim()) && /减按$/.test(before)) {
      base = "税率";
    } else continue;
    if (RATE_CONDITION_BEFORE.test(before) && !by && !bounded) continue;
    const rate = decToNumber(times ? mulPow10(q.value, 2) : q.value);
    // 给予企业最高10%的…: the recipient and the bound are no base
    const cleanBase = base ? base.replace(/^(?:其|照)/, "").replace(/(?:企业)?(?:最高|不超过|不低于|不高于)$/, "") : null;
    out.push({ role: "rate", ...at, yuan: null, low: null, high: null, rate, rateBase: cleanBase || null, perSuffix: null, rateHigh: q.high ? decToNumber(q.high) : null });
  }
  return out;
}
