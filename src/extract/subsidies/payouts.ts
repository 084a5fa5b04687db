import { mayHoldPay, PAY_UNIT_LEADS, paysOf, sharedPay, type Pay } from "./amounts.js";
import { mayRelieve } from "./tax-reliefs.js";
import { MARKER_RE } from "./beneficiary.js";
import { ANY_INSTRUMENT_RE, POOL_RE, TAX_LEVY_RE, TAX_RELIEF_LEADS, TAX_RELIEF_RE, TAX_WORD_RE, TOTAL_CAP_BEFORE_RE } from "./lexicon.js";
import { CARRIED } from "./units.js";
import type { Piece } from "../../structure/clauses.js";
import { clauseEnd } from "../../structure/clauses.js";
import type { Doc } from "../../structure/types.js";
import { itemEnd } from "./text.js";
import { alt, escapeRegExp } from "../../shared/lexicon.js";

/**
 * Pass 1 of the subsidies extractor: find the payouts. Items are read period
 * by period (。) and part by part (；): the payout amounts of a part
 * (amounts.ts) are grouped into records — a record holds at most one fixed
 * amount, rate, cap and floor, and a new 对-phrase starts a new one; amounts
 * paid "分别" as one list are grouped so that later passes can share their
 * phrase.
 */
export interface Rec {
  pays: Pay[];
  /** item offset where the record's lead text starts (after the clause that closed the record before) */
  leadStart: number;
  /** records paid "分别" as one list share this array */
  group: Rec[] | null;
  part: Piece;
  period: Piece;
}

export const has = (r: Rec, role: Pay["role"]) => r.pays.some((p) => p.role === role);
export const firstPay = (r: Rec) => r.pays[0]!;
const lastEnd = (r: Rec) => r.pays[r.pays.length - 1]!.end;
/** the record's own last payout: a cap shared from a later sentence says nothing about the clause's words */
export function ownLast(r: Rec): Pay {
  for (let k = r.pays.length - 1; k >= 0; k--) if (!r.pays[k]!.shared) return r.pays[k]!;
  return r.pays[r.pays.length - 1]!;
}

/** "按销售额的3%、4%、5%分别给予奖励": the rest of a list, then 分别 */
const LIST_THEN_EACH = /^[、和及与\d.%％‰\s]*分别/;
const isTotalCap = (text: string, p: Pay) => TOTAL_CAP_BEFORE_RE.test(text.slice(Math.max(0, p.start - 10), p.start));

function slotFilled(r: Rec, p: Pay): boolean {
  switch (p.role) {
    case "fixed": return has(r, "fixed") || has(r, "range");
    case "cap": return has(r, "cap") || has(r, "range");
    case "floor": return has(r, "floor") || has(r, "range");
    case "range": return has(r, "fixed") || has(r, "range") || has(r, "cap");
    case "rate": return has(r, "rate");
  }
}

/**
 * Can any part of `text` pay something? What recordsOfPart asks of a part (an instrument
 * or pool word, a tax word) or the tax reliefs pass finds in one (a relief term), asked
 * of the whole item once: an item holding none of them gives no record, and is skipped.
 * A record needs an amount's unit (mayHoldPay) or a relief term besides: two of three
 * items that name an instrument ("支持…") have neither, and are skipped as well.
 */
export function mayPay(text: string): boolean {
  // a relief term is one of MAY_PAY_RE's words: without an amount's unit, that test is the only one left
  return mayHoldPay(text) ? MAY_PAY_RE.test(text) : mayRelieve(text);
}
/** the four word tables as one alternation: one scan of the item instead of four */
const MAY_PAY_RE = new RegExp([ANY_INSTRUMENT_RE, POOL_RE, TAX_WORD_RE, TAX_RELIEF_RE].map((re) => re.source).join("|"));

/**
 * The items of `doc` that can give anything, as pairs of block indices (first block, end; itemEnd): those
 * that pass mayPay or hold the 下同 of a 责任单位 list that the items after them take up (extractSubsidies
 * asks nothing else of an item). Found from the source before any item's text is joined: one search over
 * the document for the first character of a pay unit or of a relief term, or for 下同, gives the next item
 * holding one; the items before it are passed without being read. An item's text is its blocks' texts
 * joined with or without line breaks, and its blocks lie in order in the source with only whitespace
 * between them (structure/blocks.ts): a pay unit or relief term of the text starts with one of those
 * characters in one of its blocks, and a 下同 of the text is 下, whitespace, 同 there. Most items of a
 * plan hold none (c6: three of five). An item given may still give nothing (应当 for 应纳税所得额): mayPay
 * reads it.
 */
export function givingItems(doc: Doc): number[] {
  const { blocks } = doc;
  const out: number[] = [];
  if (!blocks.length) return out;
  const lo = blocks[0]!.start;
  const body = doc.source.text.slice(lo, blocks[blocks.length - 1]!.end);
  // items before blocks[k] are done; blocks[k] opens an item
  for (let k = 0; k < blocks.length;) {
    GIVING_AHEAD.lastIndex = blocks[k]!.start - lo;
    const m = GIVING_AHEAD.exec(body);
    if (!m) break;
    // the block holding the place (the last one starting at or before it), then its item
    const at = lo + m.index;
    let b = k, hi = blocks.length - 1;
    while (b < hi) { const mid = (b + hi + 1) >> 1; if (blocks[mid]!.start <= at) b = mid; else hi = mid - 1; }
    let i = b;
    while (i > k && !blocks[i]!.heading) i--;
    k = itemEnd(blocks, b);
    out.push(i, k);
  }
  return out;
}
/**
 * The first characters of pay units and relief terms, or 下同 with whitespace maybe between its characters:
 * one search (a class and one word). Linear: each run of whitespace is read after one 下 at most.
 */
const GIVING_AHEAD = new RegExp(`${alt([...new Set([...PAY_UNIT_LEADS, ...TAX_RELIEF_LEADS])])}|${CARRIED.split("").map(escapeRegExp).join("\\s*")}`, "g");

/** The records of one part (a ；-piece of a sentence), in text order. */
export function recordsOfPart(text: string, part: Piece, period: Piece): Rec[] {
  // a pay unit first (one class, and the rarer: 1599 of the 5065 parts of c6's paying items hold one, 1999 name
  // an instrument), then the words; reading the amounts (paysOf) is the dearest test
  if (!mayHoldPay(part.text)) return [];
  const qualifies = ANY_INSTRUMENT_RE.test(part.text) || POOL_RE.test(part.text) || (TAX_WORD_RE.test(part.text) && TAX_LEVY_RE.test(part.text));
  if (!qualifies) return [];
  const pays = paysOf(part, text);
  if (!pays.length) return [];
  const recs: Rec[] = [];
  let cur: Rec | null = null;
  for (const p of pays) {
    let from = cur ? lastEnd(cur) : part.start;
    // the next payout's lead starts after the clause that closed the previous one ("…300万元，给予自治区级…")
    if (cur) { const ce = clauseEnd(text, from, p.start); if (ce < p.start) from = ce + 1; }
    const gap = text.slice(from, p.start);
    MARKER_RE.lastIndex = 0;
    const boundary = cur !== null && MARKER_RE.test(gap);
    // 单笔奖励不超过100万元，累计不超过1000万元: a cumulative cap after the record's cap is its second cap
    const totalCap = cur !== null && !boundary && p.role === "cap" && isTotalCap(text, p) && cur.pays.filter((x) => x.role === "cap").length === 1;
    if (cur && !boundary && (totalCap || !slotFilled(cur, p))) {
      cur.pays.push(p);
      // a cap after a 分别 list caps every award of the list
      if (p.role === "cap" && cur.group) {
        // shared: the other members stand where their own amounts are written
        const shared = sharedPay(p);
        for (const g of cur.group) if (g !== cur && (totalCap ? g.pays.filter((x) => x.role === "cap").length === 1 : !has(g, "cap") && !has(g, "range"))) g.pays.push(shared);
      }
      continue;
    }
    const rec: Rec = { pays: [p], leadStart: from, group: null, part, period };
    // 分别给予 A、B、C: consecutive amounts of one role after 分别
    const inList = cur && !boundary && cur.pays.length === 1 && firstPay(cur).role === p.role
      && /^[\s、，,和及与]*(?:每[^，,；。\d]{0,10})?$/.test(gap)
      && (cur.group !== null || /^\s*、\s*$/.test(gap) || /分别/.test(text.slice(cur.leadStart, firstPay(cur).start)) || LIST_THEN_EACH.test(text.slice(p.end, p.end + 40)));
    if (inList) {
      cur!.group ??= [cur!];
      rec.group = cur!.group;
      rec.group.push(rec);
    }
    recs.push(rec);
    cur = rec;
  }
  return recs;
}

export interface PartPayouts { part: Piece; recs: Rec[] }
export interface PeriodPayouts { period: Piece; parts: PartPayouts[] }

/** Pass 1: the records of every part of every period; payouts inside a 责任单位 clause are none. */
export function findPayouts(text: string, periods: { period: Piece; parts: Piece[] }[], inUnits: (i: number) => boolean): PeriodPayouts[] {
  // plain loops, and no filter of a part without records (most parts): closures per part cost more than their tests
  const out: PeriodPayouts[] = [];
  for (const { period, parts } of periods) {
    const found: PartPayouts[] = [];
    for (const part of parts) {
      const recs = recordsOfPart(text, part, period);
      found.push({ part, recs: recs.length ? recs.filter((r) => !inUnits(firstPay(r).start)) : recs });
    }
    out.push({ period, parts: found });
  }
  return out;
}
