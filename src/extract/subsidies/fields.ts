import { mapPacked } from "../../shared/arrays.js";
import type { Fields } from "../record.js";
import type { Pay } from "./amounts.js";
import { lastMarker } from "./beneficiary.js";
import {
  ENJOY, INSTRUMENT_WORDS, GENERIC, GENERIC_RE, PAY_SCHEDULE_RE, POOL_RE, POOL_TARGET_RE, SPECIFIC, SPECIFIC_RE, TAX_LEVY_RE, TAX_REDUCE_RE, TAX_WORD_RE,
  TOTAL_CAP_BEFORE_RE, type Instrument,
} from "./lexicon.js";
import { firstPay, ownLast, type Rec } from "./payouts.js";
import { clauseEnd, clauseStart, MAX_CLAUSE, type Piece } from "../../structure/clauses.js";
import { frequencyOf } from "./timing.js";

/**
 * The fields of one payout record read from its text: instrument, amounts,
 * rate, per-unit base, frequency. Who receives it is read by recipients.ts;
 * the document gives the policy level.
 */

export type RecordFields = Fields<"subsidies">;

const firstOf = (re: RegExp, s: string) => { re.lastIndex = 0; return re.exec(s)?.[0]; };
function lastOf(re: RegExp, s: string): string | undefined {
  re.lastIndex = 0;
  let m: RegExpExecArray | null, w: string | undefined;
  while ((m = re.exec(s))) w = m[0];
  return w;
}
/** The last payout word not inside a relative clause ("从市补贴的土地出让金收益中留取…": 补贴 qualifies a revenue). */
function lastOwnOf(re: RegExp, s: string): string | undefined {
  re.lastIndex = 0;
  let m: RegExpExecArray | null, w: string | undefined;
  while ((m = re.exec(s))) if (s[m.index + m[0].length] !== "的") w = m[0];
  return w;
}

/** The instrument: the payout word after the amount (给予30万元一次性奖励) or before it (每车补贴4万元); specific words beat generic ones. */
export function instrumentOf(text: string, r: Rec): Instrument {
  const first = firstPay(r), last = ownLast(r);
  const groupLast = r.group ? r.group[r.group.length - 1]!.pays[0]! : last;
  const afterEnd = clauseEnd(text, Math.max(last.end, groupLast.end), r.part.end);
  const cs = clauseStart(text, first.start, r.part.start);
  const clause = text.slice(cs, afterEnd);
  if (TAX_WORD_RE.test(clause) && (TAX_LEVY_RE.test(clause) || TAX_REDUCE_RE.test(clause))) return "tax_relief";
  // packed (shared/arrays.ts): the push after a holey r.pays.map deoptimized instrumentOf
  const afters = mapPacked(r.pays, (p) => text.slice(p.end, clauseEnd(text, p.end, r.part.end)));
  afters.push(text.slice(groupLast.end, clauseEnd(text, groupLast.end, r.part.end)));
  const before = text.slice(Math.max(r.leadStart, cs), first.start);
  for (const a of afters) { const w = firstOf(SPECIFIC_RE, a); if (w) return SPECIFIC[w]!; }
  const w1 = lastOwnOf(SPECIFIC_RE, before);
  if (w1) return SPECIFIC[w1]!;
  // "按…的20%给予支持，单项补助支持额度不超过3000万元": a specific word in the clause of another amount of the record
  for (const p of r.pays) {
    if (p.shared) continue;
    const w = lastOwnOf(SPECIFIC_RE, text.slice(clauseStart(text, p.start, r.part.start), p.start));
    if (w) return SPECIFIC[w]!;
  }
  // "…老年人的居家养老服务补贴，按照…，资助标准分别提高到…": the payout named at the head of the record's phrase;
  // "可按规定享受我区产业发展与创新人才奖，扶持金额最高不超过30万元": an award named by its prize
  const lead = text.slice(Math.max(r.group ? r.group[0]!.leadStart : r.leadStart, first.start - MAX_CLAUSE), first.start);
  if (lead.includes(ENJOY) && AWARD_NOUN_RE.test(lead)) return "award";
  const w2 = lastOwnOf(SPECIFIC_RE, lead.replace(CONDITION_TAIL_RE, ""));
  if (w2) return SPECIFIC[w2]!;
  for (const a of afters) { const w = firstOf(GENERIC_RE, a); if (w) return GENERIC[w]!; }
  const w0 = lastOf(GENERIC_RE, before);
  if (w0) return GENERIC[w0]!;
  if (POOL_RE.test(before)) return "funding";
  const w3 = firstOf(SPECIFIC_RE, text.slice(Math.max(r.part.start, first.start - MAX_CLAUSE), Math.min(r.part.end, last.end + MAX_CLAUSE)));
  if (w3) return SPECIFIC[w3]!;
  // 可申请经营规模拓展扶持，扶持的标准为：…，分别一次性给予企业10万: a generic payout word opening the part names it
  const w4 = lastGenericBefore(text, r.part, first.start);
  return w4 ? GENERIC[w4]! : "other";
}

/** a prize the recipient enjoys, named at the end of a clause: 可按规定享受我区产业发展与创新人才奖， */
/** (built from ENJOY: a lead without it is not searched, and the pattern mostly never compiled) */
const AWARD_NOUN_RE = new RegExp(`${ENJOY}[^，,；。\\d]{1,24}奖(?=[，,；。])`);
/** a payout word inside a condition (获得…奖励的企业, 已享受…补贴的) names no payout of this record */
const CONDITION_TAIL_RE = /(?:获得|获|已享受|享受过|取得|申请)[^，,；。]{0,20}?的/g;

/*
 * Per-part facts read once (a part may hold 100 000 payouts: reading the part again for each
 * would be quadratic): where its payment schedules stand, and where its generic payout words do.
 */
const schedules = new WeakMap<Piece, Array<{ at: number; years: number }>>();
/** global copies, made once (each scan below runs to its end before another starts); PAY_SCHEDULE_RE is global itself */
const SCHEDULES = PAY_SCHEDULE_RE;
const GENERIC_WORDS = new RegExp(GENERIC_RE.source, "g");
/** The first payment schedule of the part at or after `from` (分三年发放 …), as multi_year with its years. */
function scheduleOf(text: string, part: Piece, from: number): { frequency: "multi_year"; years: number } | null {
  let list = schedules.get(part);
  if (!list) {
    list = [];
    const re = SCHEDULES;
    re.lastIndex = 0;
    const body = text.slice(part.start, part.end);
    for (let m = re.exec(body); m; m = re.exec(body)) {
      const f = frequencyOf(m[0], []);
      if (f.frequency === "multi_year" && f.years) list.push({ at: part.start + m.index, years: f.years });
    }
    schedules.set(part, list);
  }
  const hit = list.find((x) => x.at >= from);
  return hit ? { frequency: "multi_year", years: hit.years } : null;
}

const genericWords = new WeakMap<Piece, Array<{ at: number; word: string }>>();
function lastGenericBefore(text: string, part: Piece, before: number): string | undefined {
  let list = genericWords.get(part);
  if (!list) {
    list = [];
    const re = GENERIC_WORDS;
    re.lastIndex = 0;
    const body = text.slice(part.start, part.end);
    for (let m = re.exec(body); m; m = re.exec(body)) list.push({ at: part.start + m.index, word: m[0] });
    genericWords.set(part, list);
  }
  // the last word that ends before `before` (binary search: the list is in text order)
  let lo = 0, hi = list.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (list[mid]!.at + list[mid]!.word.length <= before) lo = mid + 1; else hi = mid; }
  return lo ? list[lo - 1]!.word : undefined;
}

/** Budget pools: "安排1.4亿元支持自治区种业高质量发展" — the beneficiary is what the money is for. */
export function poolTarget(text: string, r: Rec): string | null {
  const first = firstPay(r);
  const cs = clauseStart(text, first.start, r.part.start);
  const lead = text.slice(cs, first.start);
  if (!POOL_RE.test(lead) || lastMarker(lead) >= 0) return null;
  const from = r.pays[r.pays.length - 1]!.end;
  const end = clauseEnd(text, from, r.part.end);
  const own = text.slice(from, end).replace(/\s+/g, "").replace(/^(?:及以上|以上)?(?:的)?(?:专项资金|资金|经费)?/, "");
  // the money's use: right after the amount (安排20亿元专门用于…), or in one of the next clauses (…，支持…)
  // by push, not a spread of a .map (holey once poolTarget is optimized: the reads after it deoptimized)
  const clauses = [own];
  const next = text.slice(end, Math.min(r.part.end, end + 3 * MAX_CLAUSE)).split(/[，,；;。]/);
  for (let k = 1; k < 4 && k < next.length; k++) clauses.push(next[k]!.replace(/\s+/g, ""));
  const withTarget = clauses.find((c) => POOL_TARGET_RE.test(c));
  let s = withTarget ?? clauses.find((c) => c.length >= 2) ?? "";
  const t = POOL_TARGET_RE.exec(s);
  if (t) s = s.slice(t.index + t[0].length);
  s = s.replace(/^(?:以市场化方式|专门|对于?)/, "").replace(/^(?:重点)?(?:支持|扶持)/, "").replace(/(?:给予|予以).*$/, "");
  return s.length >= 2 ? s : null;
}

const PER_UNIT_END = new RegExp(`(?:给予|一次性|${INSTRUMENT_WORDS}|金额|额度|不超过|最高|最多|按照|按|的标准|每年|每月)+.*$`);
/** The unit an amount is paid per: 4000元/头, 每张床位给予…, 每车补贴… */
export function perUnitOf(text: string, r: Rec, p: Pay): string | null {
  if (p.perSuffix && p.perSuffix !== "/年" && p.perSuffix !== "/月") return `每${p.perSuffix.slice(1)}`;
  const from = Math.max(r.leadStart, clauseStart(text, p.start, r.part.start));
  const window = text.slice(from, p.start).replace(/\s+/g, "");
  let m = /每(?![年月])([^，,；。]{1,24})$/.exec(window);
  // "企业每增加出口1美元，即给予0.02元人民币的奖励": the unit stated in the clause before a 即/则 payout clause
  if (!m && (window.startsWith("即") || window.startsWith("则") || window.startsWith("就"))) {
    const prevAt = clauseStart(text, Math.max(from - 1, r.part.start), r.part.start);
    m = /每(?![年月])([^，,；。]{1,24})$/.exec(text.slice(prevAt, Math.max(from - 1, prevAt)).replace(/\s+/g, ""));
  }
  if (!m) return null;
  // 每家每年最多 → 每家, 每项引荐扶持金额 → 每项引荐: the unit ends where the payout, its bound or its frequency starts
  const s = ("每" + m[1]).replace(PER_UNIT_END, "");
  return s.length >= 2 ? s : null;
}

/** rank of each role as the payout that gives a record its line (keyPayOf) */
const KEY_RANK: Record<Pay["role"], number> = { fixed: 0, cap: 1, floor: 2, range: 3, rate: 4 };
/**
 * The payout that gives a record its line: fixed amount first, then cap, floor, range, rate (the first of its
 * role); `ownOnly`: of the record's own payouts, not a cap shared from another sentence. One pass, no list or
 * closure per record.
 */
export function keyPayOf(r: Rec, ownOnly = false): Pay {
  const { pays } = r;
  let key: Pay | null = null, rank = 5;
  for (let k = 0; k < pays.length; k++) {
    const p = pays[k]!;
    if (ownOnly && p.shared) continue;
    const q = KEY_RANK[p.role];
    if (q < rank) { key = p; rank = q; }
  }
  return key ?? firstPay(r);
}

/** Every field of a payout record but who receives it, its validity and its responsible units. */
/**
 * `head`: for a member of a 分别 list, the fields of the list's first record, which read the whole list
 * once: the members share its instrument, and its frequency when it found one (neither is read again).
 * The first record of a list reads to the list's end (`wholeList`).
 */
export function fieldsOf(text: string, r: Rec, beneficiary: string, policyLevel: RecordFields["policy_level"], head: RecordFields | null, wholeList = false): RecordFields {
  // the first payout of each role, in one pass (a find per role, each with its closure, cost more interpreted)
  const { pays } = r;
  let fixed: Pay | undefined, floor: Pay | undefined, range: Pay | undefined, rate: Pay | undefined, cap: Pay | undefined, caps = 0;
  for (let k = 0; k < pays.length; k++) {
    const p = pays[k]!;
    switch (p.role) {
      case "fixed": fixed ??= p; break;
      case "floor": floor ??= p; break;
      case "range": range ??= p; break;
      case "rate": rate ??= p; break;
      case "cap": cap ??= p; caps++; break;
    }
  }
  // 单笔奖励不超过100万元，累计不超过1000万元: the cap after 累计/总额 is the total cap, the other the per-payment one
  let totalCap: Pay | undefined;
  if (caps > 1) {
    const all = pays.filter((p) => p.role === "cap");
    totalCap = all.find((p) => TOTAL_CAP_BEFORE_RE.test(text.slice(Math.max(0, p.start - 10), p.start)));
    cap = all.find((p) => p !== totalCap);
  }
  const spanStart = Math.max(r.group ? r.group[0]!.leadStart : r.leadStart, r.leadStart - MAX_CLAUSE);
  const lastPay = r.group ? ownLast(r.group[r.group.length - 1]!) : ownLast(r);
  // bounded: a 分别 list of thousands of amounts (hostile input) must not make every member read the whole list;
  // the list's head reads it once (`wholeGroup`) and its members share what it finds
  const groupEnd = clauseEnd(text, Math.max(lastPay.end, ownLast(r).end), r.part.end);
  const spanEnd = wholeList ? groupEnd : Math.min(groupEnd, ownLast(r).end + 2 * MAX_CLAUSE);
  const inherit = head?.frequency != null;
  let { frequency, years } = inherit ? { frequency: head!.frequency, years: head!.years } : frequencyOf(text.slice(spanStart, spanEnd), mapPacked(r.pays, (p) => p.perSuffix));
  // …最高不超过200万元，按40%、30%、30%的比例分三年发放: the schedule after the award says how it is paid
  if (!frequency) {
    const sched = scheduleOf(text, r.part, spanEnd);
    const sharedYears = r.pays.find((p) => p.scheduleYears)?.scheduleYears;
    if (sched) ({ frequency, years } = sched);
    else if (sharedYears) { frequency = "multi_year"; years = sharedYears; }
  }
  return {
    beneficiary,
    instrument: head ? head.instrument : instrumentOf(text, r),
    amount_yuan: fixed?.yuan ?? null,
    amount_max_yuan: cap?.yuan ?? range?.high ?? null,
    amount_total_max_yuan: totalCap?.yuan ?? null,
    amount_min_yuan: floor?.yuan ?? range?.low ?? null,
    rate_pct: rate?.rate ?? null,
    rate_pct_high: rate?.rateHigh ?? null,
    rate_base: rate?.rateBase ?? null,
    // the key payout (keyPayOf's order) of the amounts read here: a total cap gives no line
    per_unit: perUnitOf(text, r, fixed ?? cap ?? floor ?? range ?? rate ?? firstPay(r)),
    frequency,
    responsible_units: [],
    policy_level: policyLevel,
    valid_from: null,
    valid_to: null,
    years,
  };
}
