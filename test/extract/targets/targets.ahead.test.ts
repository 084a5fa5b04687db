import { describe, expect, it } from "vitest";
import { eachHoldingPlace, placesAhead } from "../../../src/shared/ahead.js";
import { QUANTITY_PLACES, findQuantities, nextQuantityStart } from "../../../src/shared/numbers.js";
import { USABLE_PLACES, usable } from "../../../src/extract/targets/prose.js";
import { SEEDS, seedText } from "../../helpers.js";
import { FYP, targets } from "./helpers.js";

describe("placesAhead: one search answers for the spans before the next place", () => {
  // a document [0, hi) of a source whose next document holds a value
  const text = "推进统一大市场建设，到2030年新增5亩，进一步优化营商环境。下一文件：新增9亩";
  const hi = text.indexOf("下");
  it("positions asked in order search once per place, never past the document", () => {
    const searched: string[] = [];
    const next = placesAhead(text, 0, hi, [(body, from) => { searched.push(body.slice(from)); return nextQuantityStart(body, from); }]);
    // a span holds a place when the next one at or after its start lies before its end
    expect(next(0) < 9).toBe(false);
    expect(next(10) < 20).toBe(true);
    expect(next(21) < hi - 1).toBe(false);
    // the first search found 2030 in the second clause and answered for both; the one from the third clause stops at the document's end
    expect(searched.length).toBe(2);
    expect(searched.every((b) => !b.includes("下一文件"))).toBe(true);
    expect(next(21)).toBe(hi); // none before the document's end
    // a position outside the document is read in full
    expect(next(hi + 2)).toBe(hi + 2);
  });
  it("with several searches, the nearest place of any kind (a digit; a Chinese numeral before a unit)", () => {
    const next = placesAhead("推进统一，新增三千万亩，建成5座", 0, 16, QUANTITY_PLACES);
    expect(next(0)).toBe(7);
    expect(next(12)).toBe(14);
  });
  it("eachHoldingPlace visits the sentences holding a place, passes the others, and asks about one out of order on its own", () => {
    // the last two come after the document's (a span outside it is read in full), out of order: 推进统一 holds no place, 到2 the 2 of 2030
    const spans = [[0, 9], [10, 20], [21, hi], [hi, text.length], [0, 4], [10, 12]].map(([start, end]) => ({ start: start!, end: end! }));
    const seen: number[] = [];
    eachHoldingPlace(spans, placesAhead(text, 0, hi, QUANTITY_PLACES), (s) => seen.push(s.start));
    expect(seen).toEqual([10, hi, 10]);
  });
});

describe("prose and qualitative targets read only the sentences that can hold them", () => {
  it("a paragraph whose sentences hold no value passes them, and finds the values and end states after them", () => {
    const rs = targets("推进统一大市场建设，进一步优化营商环境。到2030年，粮食产量稳定在1.3亿吨以上，行政村5G网络实现全覆盖。持续深化改革，统一规划。", FYP);
    expect(rs.map((r) => [r.indicator, r.value, r.value_text])).toEqual([["粮食产量", 1.3, "1.3亿吨以上"], ["行政村5G网络", null, "全覆盖"]]);
  });
});

describe("USABLE_PLACES: where a value prose targets keep can lie", () => {
  const firstPlace = (t: string, from = 0) => Math.min(...USABLE_PLACES.map((f) => f(t, from)).map((x) => (x < 0 ? Infinity : x)));
  it("every quantity usable keeps holds a place: every clause of the seeds and the test corpus; many clauses with numbers hold none", async () => {
    const { readdirSync } = await import("node:fs");
    const corpus = (await import("../../corpus/sentences.json", { with: { type: "json" } })).default as Record<string, { text: string }>;
    const clauses = [...readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).map(seedText), ...Object.values(corpus).map((s) => s.text)]
      .flatMap((t) => t.split(/[，,：:；;。！？!?\n]/));
    let kept = 0, passed = 0;
    for (const c of clauses) {
      const qs = findQuantities(c);
      // a place in the value, or in the goal verb right before a coefficient (at most 3 characters: 提高到)
      for (const q of qs) if (usable(q, c)) { kept++; expect(firstPlace(c, Math.max(0, q.start - 3)), c).toBeLessThan(q.end); }
      if (qs.length && firstPlace(c) === Infinity) passed++;
    }
    expect(kept).toBeGreaterThan(400);
    // years, dates, list markers and codes: clauses with numbers and no place
    expect(passed).toBeGreaterThan(300);
  });
  it("a year, a range of years, a list marker or a code is no place; a value with a unit, a % and a coefficient after a goal verb are", () => {
    for (const t of ["到2025年", "2021—2025年", "2021——2025年", "11.支持乳制品加工企业", "建成G627额济纳旗至呼鲁赤古特", "3—5年内"]) expect(firstPlace(t), t).toBe(Infinity);
    expect(firstPlace("新增5亩")).toBe(2);
    expect(firstPlace("占比10%—20%")).toBe(3);
    expect(firstPlace("有效利用系数达到0.612")).toBe(7);
    expect(firstPlace("营收3,000万元")).toBe(6);
    expect(firstPlace("新增千万亩")).toBe(2);
    // a per-year unit after 年 can be kept (usable reads what follows): a place
    expect(firstPlace("2021—2025年/年")).toBe(3);
  });
  it("a 2 MB run of digits after a range separator is searched in linear time", () => {
    expect(firstPlace("1—" + "2".repeat(2_000_000) + "年")).toBe(Infinity);
    expect(firstPlace("1—1年".repeat(500_000) + "5亩")).toBe(2_000_000);
  });
});
