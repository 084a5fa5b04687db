import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isWeakBeneficiary, NO_ONE_GATES, type ClauseGate } from "../../src/extract/subsidies/beneficiary.js";
import { charClass } from "../../src/shared/char-class.js";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { mayHoldPay, paysOf } from "../../src/extract/subsidies/amounts.js";
import { givingItems, mayPay } from "../../src/extract/subsidies/payouts.js";
import { mayRelieve } from "../../src/extract/subsidies/tax-reliefs.js";
import { itemsOf, type Item } from "../../src/extract/subsidies/text.js";
import type { Block, Doc } from "../../src/structure/types.js";
import { mayCarry } from "../../src/extract/subsidies/units.js";
import { INSTRUMENT_LIST, TAX_RELIEF_RE, TERM_AFTER_GATE, TERM_AFTER_RE, TERM_AFTER_WORDS } from "../../src/extract/subsidies/lexicon.js";
import { periodsOf } from "../../src/structure/clauses.js";
import { docOf, SEED, seedLine, seedText, sentence } from "../helpers.js";

/**
 * The native searches that reject an item or a part before it is parsed (mayPay, mayHoldPay,
 * mayRelieve) must never reject one that gives a record: checked on real text and over every
 * item and part of the seeds.
 */
/** whether givingItems gives each item of itemsOf (an item by its first block) */
function gateOf(doc: Doc): (item: Item) => boolean {
  const giving = givingItems(doc);
  const firsts = new Set<Block>();
  const lengths = new Map(itemsOf(doc).map((it) => [it.blocks[0]!, it.blocks.length]));
  for (let g = 0; g < giving.length; g += 2) {
    const [i, j] = [giving[g]!, giving[g + 1]!];
    // each pair is an item of itemsOf
    expect(lengths.get(doc.blocks[i]!)).toBe(j - i);
    firsts.add(doc.blocks[i]!);
  }
  return (item) => firsts.has(item.blocks[0]!);
}

describe("subsidies gates", () => {
  it("an item that names an instrument (支持) with no amount and no relief is skipped", () => {
    const text = seedLine(SEED.news, 11);
    expect(text).toContain("支持内蒙古");
    expect(mayPay(text)).toBe(false);
    expect(extractSubsidies(docOf(text))).toEqual([]);
  });

  it("a relief without any amount passes (免征房产税、城镇土地使用税)", () => {
    const text = "对国家拨付事业经费和企业办的各类托儿所、幼儿园自用的房产、土地，免征房产税、城镇土地使用税。";
    expect(mayHoldPay(text)).toBe(false);
    expect(mayRelieve(text)).toBe(true);
    expect(mayPay(text)).toBe(true);
    expect(extractSubsidies(docOf(text)).map((d) => d.fields.instrument)).toEqual(["tax_relief"]);
  });

  it("amounts in Chinese numerals, bare 万 and 倍 still pass", () => {
    for (const text of ["对首次认定的高新技术企业给予十万元一次性奖励。", "分别一次性给予企业10万、20万扶持。", "按国家奖金额度的5倍给予奖励。"]) {
      expect(mayHoldPay(text)).toBe(true);
      expect(extractSubsidies(docOf(text)).length).toBeGreaterThan(0);
    }
  });

  it("givingItems gives a 下同 cut between two lines joined without a break (the unit list still holds for the next item)", () => {
    const unpaid = "（十一）落实政府定价经营服务性收费清单制度，确保清单之外无政府定价收费项目。(自治区发展改革委、市场监管局按职责分工负责，下同)";
    const cut = unpaid.indexOf("下同") + 1;
    const doc = docOf(`${unpaid.slice(0, cut)}\n${unpaid.slice(cut)}\n${sentence("compilation-1555")}`);
    const [first] = itemsOf(doc);
    expect(first!.blocks.length).toBe(2);
    expect(first!.text).toBe(unpaid);
    expect(mayPay(unpaid)).toBe(false);
    expect(gateOf(doc)(first!)).toBe(true);
    expect(extractSubsidies(doc).find((r) => r.fields.rate_pct === 1)!.fields.responsible_units).toEqual(["自治区发展改革委", "市场监管局"]);
  });

  it("givingItems gives an item holding only a relief term, and passes over one that names an instrument with no amount", () => {
    const relief = "对国家拨付事业经费和企业办的各类托儿所、幼儿园自用的房产、土地，免征房产税、城镇土地使用税。";
    const doc = docOf(`（一）${seedLine(SEED.news, 11)}\n（二）${relief}`);
    expect(itemsOf(doc).map(gateOf(doc))).toEqual([false, true]);
  });

  it("over the seeds, givingItems gives every item that mayPay passes or that holds 下同, and passes over most items", () => {
    let passed = 0, all = 0;
    for (const name of Object.values(SEED)) {
      const doc = docOf(seedText(name));
      const gate = gateOf(doc);
      for (const item of itemsOf(doc)) {
        all++;
        if (gate(item)) passed++;
        else expect(mayPay(item.text) || mayCarry(item.text)).toBe(false);
      }
    }
    expect(passed).toBeLessThan(all / 2);
  });

  it("over the seeds, every part with a payout holds a pay unit, and every item with a record passes mayPay", () => {
    let parts = 0, items = 0, reliefs = 0;
    for (const name of Object.values(SEED)) {
      const doc = docOf(seedText(name));
      for (const item of itemsOf(doc)) {
        const drafts = extractSubsidies(docOf(item.text));
        if (drafts.length) { items++; expect(mayPay(item.text)).toBe(true); }
        // the reliefs pass (a payout can say tax_relief too: 减按15%的税率)
        if (drafts.some((d) => d.rule?.startsWith("subsidies/tax-reliefs"))) { reliefs++; expect(mayRelieve(item.text)).toBe(true); }
        for (const { parts: ps } of periodsOf(item.text)) for (const p of ps) {
          if (paysOf(p, item.text).length) { parts++; expect(mayHoldPay(p.text)).toBe(true); }
        }
      }
    }
    expect(items).toBeGreaterThan(100);
    expect(parts).toBeGreaterThan(150);
    expect(reliefs).toBeGreaterThan(5);
  });
});

describe("gates in front of large patterns (issue 11: a pattern that never runs is never compiled)", () => {
  it("TERM_AFTER_GATE holds every shape of a TERM_AFTER_RE match, built from the same word lists", () => {
    const { terms, links, bounds, enjoy, enjoyBounds } = TERM_AFTER_WORDS;
    const opt = (ws: readonly string[]) => ["", ...ws];
    const shapes: string[] = [];
    for (const w of INSTRUMENT_LIST) for (const t of terms) for (const l of opt(links)) for (const b of opt(bounds)) shapes.push(`${w}${t}${l}${b}三年`, `${w}${t}${l}${b}12年`);
    for (const w of opt(INSTRUMENT_LIST)) for (const t of opt(terms)) for (const b of enjoyBounds) shapes.push(`${enjoy}${w}${t}${b}两年`);
    for (const s of shapes) {
      TERM_AFTER_RE.lastIndex = 0;
      expect(TERM_AFTER_RE.exec(s)?.[0], s).toBe(s);
      expect(TERM_AFTER_GATE.test(s), s).toBe(true);
    }
    TERM_AFTER_RE.lastIndex = 0;
  });

  it("a term after the payouts still makes them multi_year (扶持期限为三年; 享受补贴不超过2年); a year after 期 that is no term is passed", () => {
    const tiers = extractSubsidies(docOf("年度区级贡献在300万元至500万元（含500万元）的，扶持20%。扶持期限为三年。"));
    expect(tiers.map((d) => [d.fields.frequency, d.fields.years])).toEqual([["multi_year", 3]]);
    expect(TERM_AFTER_GATE.test("每家企业每年最高不超过2万元，享受补贴不超过2年。")).toBe(true);
    expect(TERM_AFTER_GATE.test("“十四五”时期，到2025年，全区新增…")).toBe(false);
  });

  it("the global schedule and relief patterns answer from the start of each text, whatever the search before left", () => {
    const paid = extractSubsidies(docOf("对认定的企业给予奖励。单个企业补助金额最高不超过100万元，按40%、30%、30%的比例分三年发放。"));
    const again = extractSubsidies(docOf("对认定的企业给予奖励。单个企业补助金额最高不超过100万元，按40%、30%、30%的比例分三年发放。"));
    expect(again).toEqual(paid);
    const text = "对国家拨付事业经费和企业办的各类托儿所、幼儿园自用的房产、土地，免征房产税、城镇土地使用税。";
    expect(mayRelieve(text)).toBe(true);
    expect(mayRelieve(text)).toBe(true);
    expect(TAX_RELIEF_RE.lastIndex).toBe(0);
  });
});

/** what namesNoOne asks of a clause before the gate's pattern runs */
function passes(g: ClauseGate, c: string): boolean {
  return (!g.first || g.first.has(c.charCodeAt(0))) && (!g.last || g.last.has(c.charCodeAt(c.length - 1)))
    && (!g.starts || g.starts.some((w) => c.startsWith(w))) && (!g.ends || g.ends.some((w) => c.endsWith(w)))
    && (!g.holds || g.holds.some((w) => c.includes(w)));
}

describe("namesNoOne's gates (NO_ONE_GATES)", () => {
  it("every clause a pattern matches passes its gate (matches generated from each pattern)", () => {
    for (const g of NO_ONE_GATES) fc.assert(fc.property(fc.stringMatching(g.re), (c) => passes(g, c)), { numRuns: 3000 });
  });

  it("a gate too small for its pattern is caught (a class without one of its characters)", () => {
    const step = NO_ONE_GATES[0]!;
    expect(() => fc.assert(fc.property(fc.stringMatching(step.re), (c) => passes({ ...step, last: charClass("后外式") }, c)), { numRuns: 3000 })).toThrow();
  });

  it("real clauses that name no one are still weak; a recipient is not", () => {
    for (const c of ["成功上市后", "可按规定享受我区产业发展与创新人才奖", "每年", "连续3年", "贴息贷款最高不超过200万元", "结合专项资金年度预算", "市财政", "扶持的标准为", "扶持金额", "资助标准原则上不高于"]) {
      expect(isWeakBeneficiary(c), c).toBe(true);
    }
    expect(isWeakBeneficiary("首次认定的高新技术企业")).toBe(false);
  });
});

describe("partTerms reads a lead's term only when it holds 年", () => {
  it("no text without 年 is read as a multi-year term: every sentence of the seeds with its 年 dropped, and random text", async () => {
    const { frequencyOf } = await import("../../src/extract/subsidies/timing.js");
    let terms = 0;
    for (const name of Object.values(SEED)) for (const s of seedText(name).split(/[。；\n]/)) {
      if (frequencyOf(s, []).frequency === "multi_year") terms++;
      expect(frequencyOf(s.replaceAll("年", "月"), []).frequency, s).not.toBe("multi_year");
    }
    expect(terms).toBeGreaterThan(0);
    fc.assert(fc.property(fc.array(fc.constantFrom("连", "续", "分", "5", "三", "内", "按", "给予", "在", "，", "对")), (a) => frequencyOf(a.join(""), []).frequency !== "multi_year"));
  });
  it("连续5年 before the last 对 of a lead covers the payouts after it (partTerms)", () => {
    const rs = extractSubsidies(docOf("1. 连续5年对新引进的企业每年给予50万元奖励，对新认定的企业每年给予30万元奖励。"));
    expect(rs.map((r) => [r.fields.amount_yuan, r.fields.frequency, r.fields.years])).toEqual([[500000, "multi_year", 5], [300000, "multi_year", 5]]);
  });
});
