import { describe, expect, it } from "vitest";
import { SEED, seedRecords } from "../../helpers.js";
import { cellValue, layoutOf } from "../../../src/extract/targets/table.js";

const rows = (seedRecords(SEED.fyp).targets ?? []).filter((r) => r.source_line >= 315 && r.source_line <= 340);
const at = (line: number) => rows.filter((r) => r.source_line === line);
const one = (line: number) => { const rs = at(line); expect(rs).toHaveLength(1); return rs[0]!; };

describe("专栏1 indicator table of the 15th five-year plan", () => {
  it("all 20 indicator rows give 21 records (row 10 has two sub-indicators)", () => {
    expect(rows).toHaveLength(21);
    expect(new Set(rows.map((r) => r.source_line)).size).toBe(21);
    for (const r of rows) {
      expect(r.target_year).toBe(2030);
      expect(r.binding).not.toBeNull();
      expect(r.category).not.toBeNull();
      expect(r.period).toBe("2026-2030");
    }
  });
  it("a 年均 value: 地区生产总值增长 4.5左右, baseline 4.7 (2025), expected, 经济发展", () => {
    expect(one(317)).toMatchObject({
      indicator: "地区生产总值增长", value: 4.5, unit: "%", comparator: "approx", value_text: "4.5左右",
      baseline_value: 4.7, baseline_year: 2025, basis: "average_annual", binding: "expected", category: "经济发展",
    });
  });
  it("5.4* is the 2024 figure (table note ②*为2024年数据); 高于GDP增长 is qualitative, gt", () => {
    expect(one(318)).toMatchObject({
      indicator: "全员劳动生产率增长", value: null, value_text: "高于GDP增长", comparator: "gt",
      baseline_value: 5.4, baseline_year: 2024, basis: "average_annual", category: "经济发展",
    });
  });
  it("a 2030 column value is a level: 常住人口城镇化率 73, baseline 71.5", () => {
    expect(one(319)).toMatchObject({ value: 73, comparator: "eq", basis: "level", baseline_value: 71.5, baseline_year: 2025 });
  });
  it("row 10's sub-rows are separate records under the parent indicator", () => {
    expect(one(326)).toMatchObject({ indicator: "每千人口拥有医护人员数（执业医师数）", value: 4.5, unit: "人", baseline_value: 3.7 });
    expect(one(327)).toMatchObject({ indicator: "每千人口拥有医护人员数（注册护士数）", value: 5.5, unit: "人", baseline_value: 4.5, category: "民生福祉" });
  });
  it("[5.5] is a five-year cumulative value in 百分点", () => {
    expect(one(329)).toMatchObject({ value: 5.5, unit: "百分点", unit_normalized: "pp", value_text: "[5.5]", basis: "cumulative", baseline_value: null });
  });
  it("qualitative cells: 完成经国家审核衔接后确定的目标 (a reduction → cumulative), 达到国家要求 (level), binding from 属性", () => {
    expect(one(331)).toMatchObject({ value: null, value_text: "完成经国家审核衔接后确定的目标", basis: "cumulative", binding: "binding", category: "绿色低碳" });
    expect(one(332)).toMatchObject({ value: null, basis: "level", binding: "binding" });
    expect(one(333)).toMatchObject({ value: null, value_text: "达到国家要求", unit: "微克/立方米", baseline_value: 23 });
    expect(one(336)).toMatchObject({ value: null, value_text: "达到国家要求", category: "安全保障" });
  });
  it("normalises through the unit table: 8.8亿吨标准煤 = 880000000 tce", () => {
    expect(one(337)).toMatchObject({ value: 8.8, unit: "亿吨标准煤", value_normalized: 880000000, unit_normalized: "tce", binding: "binding" });
  });
  it("11.37* 受教育年限 is binding with a 2024 baseline", () => {
    expect(one(325)).toMatchObject({ value: 11.7, unit: "年", baseline_value: 11.37, baseline_year: 2024, binding: "binding" });
  });
});

describe("table cells and header layout", () => {
  it("reads the header columns from the right", () => {
    const L = layoutOf(["类别", "指 标", "2025 年", "2030 年", "年均/累计", "属 性"])!;
    expect(L).toMatchObject({ indicatorCol: 1, categoryCol: 0, baseYear: { year: 2025, col: 4 }, targetYear: { year: 2030, col: 3 }, averageCol: 2, bindingCol: 1 });
    expect(layoutOf(["第一节", "维护经济安全.....", "28"])).toBeNull();
  });
  it.each([
    ["4.5 左右", 4.5, "approx", false, false],
    ["[5.5]", 5.5, "eq", true, false],
    ["5.4*", 5.4, "eq", false, true],
    ["达到国家 要求", null, "eq", false, false],
    ["高于 GDP 增长", null, "gt", false, false],
  ])("%s", (raw, value, comparator, bracketed, starred) => {
    expect(cellValue(raw)).toMatchObject({ value, comparator, bracketed, starred });
  });
  it("— is an empty cell", () => {
    expect(cellValue("—")).toBeNull();
  });
});

describe("other indicator-table layouts", () => {
  it("a 序号 column, a separate 单位 column and 指标属性", async () => {
    const { targets, FYP } = await import("./helpers.js");
    const text = [
      "专栏2 主要指标",
      "序号\t指标名称\t单位\t2025年\t2030年\t年均增长\t指标属性",
      "1\t地区生产总值\t亿元\t2600\t3300\t5左右\t预期性",
      "2\t森林覆盖率\t%\t21.98\t22.24\t—\t约束性",
    ].join("\n");
    const rs = targets(text, FYP);
    expect(rs.map((r) => [r.indicator, r.value, r.unit, r.basis, r.binding, r.baseline_value])).toEqual([
      ["地区生产总值", 3300, "亿元", "level", "expected", 2600],
      ["森林覆盖率", 22.24, "%", "level", "binding", 21.98],
    ]);
    expect(rs[0]!.value_normalized).toBe(330000000000);
  });
});
