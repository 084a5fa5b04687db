import type { Draft } from "../record.js";
import { MARKER_RE } from "./beneficiary.js";
import { sharedPay } from "./amounts.js";
import { CAP_WORDS, COMBINED_CAP_RE, INSTRUMENT_LIST, INSTRUMENT_WORDS, PAY_SCHEDULE_RE, SHARED_CAP_LEAD_RE, TOTAL_CAP_BEFORE_RE, TOTAL_CAP_LEAD_RE } from "./lexicon.js";
import { firstPay, has, type PeriodPayouts, type Rec } from "./payouts.js";
import { clauseStart } from "../../structure/clauses.js";
import { startsWithAny } from "../../shared/lexicon.js";
import { frequencyOf } from "./timing.js";

/**
 * Pass 2 of the subsidies extractor: spread shared caps. A sentence that only
 * states a cap ("单个企业…每年奖励资金不超过50万元。") gives no record of its
 * own: it caps the awards of the sentences before it (CONTRACT.md: "a cap
 * written once for several awards is set on each of them"). A cap on what
 * several awards add up to ("两项合计", "可同时享受") also caps the awards of
 * the sibling items of the section.
 */

/** 补助金额最高不超过…, 奖励资金不超过…: a sentence that opens with the payout's own amount */
const PAYOUT_NAME_LEAD_RE = new RegExp(`^(?:${INSTRUMENT_WORDS})+的?(?:金额|额度|资金|总额|数额)(?:原则上)?(?:${CAP_WORDS})`);
/** only a sentence opening with a payout word is searched for it (mostly none: the pattern is not compiled) */
const opensWithPayoutName = (lead: string) => startsWithAny(lead, INSTRUMENT_LIST) !== null && PAYOUT_NAME_LEAD_RE.test(lead);

/** The drafts of the document so far, with their parent section: combined caps reach back to sibling items. */
export interface SectionDrafts {
  list: { parent: string; draft: Draft<"subsidies"> }[];
  /** drafts before this index were already capped by a combined cap (each is visited once: linear) */
  combinedFrom: number;
}

/** Set a shared cap on a record of an earlier item that has none of its own. */
function capDraft(d: Draft<"subsidies">, yuan: number | null | undefined): void {
  const f = d.fields;
  if (yuan == null || f.instrument === "tax_relief" || f.amount_max_yuan != null) return;
  f.amount_max_yuan = yuan;
}

/** The records of an item that stand as records (cap-only sentences spread onto the records before them). */
export function spreadSharedCaps(text: string, periods: PeriodPayouts[], parentKey: string, section: SectionDrafts): Rec[] {
  const itemRecs: Rec[] = [];
  let prevRecs: Rec[] = [];
  let capFrom = 0;
  for (const { period, parts } of periods) {
    const periodRecs: Rec[] = [];
    for (const p of parts) for (const r of p.recs) periodRecs.push(r);
    const lead = period.text.trimStart();
    const cap = periodRecs.length > 0 && periodRecs.every((r) => r.pays.every((p) => p.role === "cap")) ? firstPay(periodRecs[0]!) : null;
    const targetsBefore = itemRecs.length > capFrom ? itemRecs.length - capFrom : prevRecs.length;
    // "第二十九条 …，单个项目的补助上限原则上不超过200万元。": a cap with no award before it in the item is the item's promise
    if (cap && targetsBefore > 0 && isSharedCap(text, period, lead, cap.start)) {
      if (COMBINED_CAP_RE.test(period.text)) {
        for (let k = section.combinedFrom; k < section.list.length; k++) if (section.list[k]!.parent === parentKey) capDraft(section.list[k]!.draft, cap.yuan);
        section.combinedFrom = section.list.length;
      }
      // a per-recipient cap ending a run of sentences ("每个企业最高补贴1000万元。") caps each award since the last such cap
      const targets = itemRecs.length > capFrom ? itemRecs.slice(capFrom) : prevRecs;
      // a cumulative cap (累计不超过1000万元) adds a total to awards that carry their own cap
      const total = TOTAL_CAP_BEFORE_RE.test(text.slice(Math.max(0, cap.start - 10), cap.start));
      // "…补助金额最高不超过100万元，按40%、30%、30%的比例分三年发放。": the cap's sentence also says how it is paid
      PAY_SCHEDULE_RE.lastIndex = 0;
      const schedule = PAY_SCHEDULE_RE.exec(period.text);
      const shared = sharedPay(cap, schedule ? frequencyOf(schedule[0], []).years : null);
      for (const r of targets) {
        if (!has(r, "cap") && !has(r, "range")) r.pays.push(shared);
        else if (total && r.pays.filter((p) => p.role === "cap").length === 1) r.pays.push(shared);
      }
      capFrom = itemRecs.length;
      continue;
    }
    for (const r of periodRecs) itemRecs.push(r);
    // "同时…" adds to the sentence before: a later shared cap covers both
    if (lead.startsWith("同时") || lead.startsWith("并") || lead.startsWith("另")) for (const r of periodRecs) prevRecs.push(r);
    else prevRecs = periodRecs;
  }
  return itemRecs;
}

/**
 * Does a cap-only sentence cap the awards before it? Its lead or the cap's own clause names
 * its scope ("单个企业…", "…可同时享受…，单个企业年度支持资金最多不超过500万元"), but a
 * sentence that gives an award itself ("按照…给予财政资金奖补，单个企业每年最高奖补500万元")
 * is that award's record, and a new 对-phrase names a recipient of its own.
 */
/** does `s` hold a giving verb (by includes: a pattern for two words is compiled twice in a cold run) */
const givesIn = (s: string) => s.includes("给予") || s.includes("予以");

function isSharedCap(text: string, period: { start: number }, lead: string, capStart: number): boolean {
  const capAt = clauseStart(text, capStart, period.start);
  const capClause = text.slice(capAt, capStart).replace(/\s+/g, "");
  // "补助金额最高不超过100万元，按40%、30%、30%的比例分三年发放。": the payout's own amount, capped after the sentence that set it
  const scoped = SHARED_CAP_LEAD_RE.test(lead) || opensWithPayoutName(lead) || TOTAL_CAP_LEAD_RE.test(lead)
    || (SHARED_CAP_LEAD_RE.test(capClause) && !givesIn(text.slice(period.start, capAt)));
  MARKER_RE.lastIndex = 0;
  return scoped && !MARKER_RE.test(lead);
}
