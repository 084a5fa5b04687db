import { describe, expect, it } from "vitest";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { mayHoldPay, paysOf } from "../../src/extract/subsidies/amounts.js";
import { mayPay } from "../../src/extract/subsidies/payouts.js";
import { mayRelieve } from "../../src/extract/subsidies/tax-reliefs.js";
import { itemsOf } from "../../src/extract/subsidies/text.js";
import { periodsOf } from "../../src/structure/clauses.js";
import { docOf, SEED, seedLine, seedText } from "../helpers.js";

/**
 * The native searches that reject an item or a part before it is parsed (mayPay, mayHoldPay,
 * mayRelieve) must never reject one that gives a record: checked on real text and over every
 * item and part of the seeds.
 */
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
