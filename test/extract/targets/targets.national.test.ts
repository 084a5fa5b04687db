import { describe, expect, it } from "vitest";
import { sentence } from "../../helpers.js";
import { ANNUAL, targets } from "./helpers.js";

/**
 * Plans of other provinces: OCR spacing inside numbers, 预期/约束 written as
 * headings and lead-ins instead of a table's 属性 column, a growth rate that
 * follows its subject's level in the next clause. Sentences in the style of a
 * provincial 十一五 outline (five-year plan horizon 2006–2010).
 */
const ELEVENTH = { plan_period: [2006, 2010] as [number, number] };

const OUTLINE = [
  "第二章 发展目标",
  "第一节 预期目标",
  "到 2 0 1 0 年，全省生产总值达到 4 7 0 0 亿元，年均增长 8 . 5 %以上。",
  "城镇登记失业率控制在 4 . 5 %以内。",
  "第二节 约束性指标",
  "单位生产总值能源消耗比 2 0 0 5 年降低 1 7 %左右。",
  "第三章 主要任务",
  "2 0 0 5 年全省生产总值为 3 4 7 2 亿元。",
].join("\n");

describe("OCR spacing inside numbers no longer hides targets", () => {
  const rs = targets(OUTLINE, ELEVENTH);
  it("values, units and due years are read through the spacing", () => {
    expect(rs.map((r) => [r.value, r.unit, r.target_year])).toEqual([
      [4700, "亿元", 2010], [8.5, "%", 2010], [4.5, "%", 2010], [17, "%", 2010],
    ]);
  });
  it("a past statistic printed with spaced digits stays a statistic", () => {
    expect(rs.some((r) => r.value === 3472)).toBe(false);
  });
  it("a growth rate with no subject of its own takes the subject of the clause before", () => {
    expect(rs.find((r) => r.value === 8.5)?.indicator).toBe("全省生产总值年均增长");
  });
});

describe("binding from headings, lead-ins and marks", () => {
  it("a 预期目标 / 约束性指标 heading above prose sets binding", () => {
    const rs = targets(OUTLINE, ELEVENTH);
    expect(rs.map((r) => r.binding)).toEqual(["expected", "expected", "expected", "binding"]);
  });
  it("a heading naming both kinds, or only mentioning them, decides nothing", () => {
    const both = targets("一、预期性和约束性指标\n到2010年，森林覆盖率达到53%。", ELEVENTH);
    expect(both[0]?.binding).toBeNull();
    const manage = targets("（三）强化约束性指标管理\n到2010年，森林覆盖率达到53%。", ELEVENTH);
    expect(manage[0]?.binding).toBeNull();
  });
  it("a lead-in binds the values after it in its paragraph (004: 主要预期目标是：…)", () => {
    const rs = targets(sentence("annual-21"), ANNUAL);
    expect(rs.length).toBeGreaterThan(5);
    expect(new Set(rs.map((r) => r.binding))).toEqual(new Set(["expected"]));
    const two = targets("预期性指标：地区生产总值年均增长8%。约束性指标：森林覆盖率达到53%。", ELEVENTH);
    expect(two.map((r) => r.binding)).toEqual(["expected", "binding"]);
  });
  it("a mark after the value wins over its heading", () => {
    const rs = targets("第一节 预期目标\n到2010年，森林覆盖率达到53%（约束性），城镇化率达到50%。", ELEVENTH);
    expect(rs.map((r) => [r.value, r.binding])).toEqual([[53, "binding"], [50, "expected"]]);
  });
});

describe("values that name who a rule applies to are no targets", () => {
  it("a value in a 对…的 condition clause (对月销售额2万元至3万元的小规模纳税人，免征…)", () => {
    const text = "同时延长部分小微企业免征增值税优惠期限至2017年底。对月销售额2万元至3万元的小规模增值税和营业税纳税人，免征增值税和营业税。";
    expect(targets(text, {})).toEqual([]);
  });
  it("the same value as a goal is still one (到2020年全省服务进出口力争达到300亿美元)", () => {
    expect(targets("到2020年全省服务进出口力争达到300亿美元。", {}).map((r) => [r.indicator, r.value, r.target_year])).toEqual([["全省服务进出口", 300, 2020]]);
  });
});
