import { describe, expect, it } from "vitest";
import { sentence } from "../../helpers.js";
import { ANNUAL, FYP, targets } from "./helpers.js";

describe("number grammar in targets: value and unit as written, exact normalised value", () => {
  it("16.4亿元 is exactly 1640000000 yuan", () => {
    const [r] = targets("到2027年，全区技术合同成交额达到16.4亿元。", {});
    expect([r!.value, r!.unit, r!.value_normalized, r!.unit_normalized]).toEqual([16.4, "亿元", 1640000000, "yuan"]);
  });
  it("1.3亿吨 (2025 annual plan, 口岸运量突破1.3亿吨)", () => {
    const rs = targets(sentence("annual-41"), ANNUAL);
    const r = rs.find((x) => x.unit === "亿吨")!;
    expect([r.indicator, r.value, r.comparator, r.value_normalized, r.unit_normalized, r.target_year]).toEqual(["口岸运量", 1.3, "gt", 130000000, "t", 2025]);
    expect(rs.find((x) => x.unit === "亿元")).toMatchObject({ indicator: "进出口额", value: 2200, comparator: "gt" });
  });
  it("2—3家 is value 2, value_high 3; 1—2个 likewise", () => {
    const rs = targets(sentence("annual-39"), ANNUAL);
    expect(rs.find((x) => x.unit === "家")).toMatchObject({ value: 2, value_high: 3, value_text: "2—3家", value_normalized: 2, value_high_normalized: 3 });
    expect(rs.find((x) => x.value === 1 && x.unit === "个")).toMatchObject({ value_high: 2 });
  });
  it("千万亩 is 1000 万亩 = 10000000 mu (建设千万亩玉米单季“吨粮田”)", () => {
    const r = targets(sentence("fyp-1571"), FYP).find((x) => x.unit === "万亩")!;
    expect([r.value, r.value_normalized, r.unit_normalized, r.value_text]).toEqual([1000, 10000000, "mu", "千万亩"]);
  });
  it("a unit with a per-year suffix stays as written: 13亿吨/年左右", () => {
    const r = targets(sentence("fyp-671"), FYP).find((x) => x.unit === "亿吨/年")!;
    expect([r.value, r.comparator, r.basis]).toEqual([13, "approx", "annual"]);
  });
  it("a coefficient without a unit: 农田灌溉水有效利用系数达到0.612", () => {
    const r = targets(sentence("fyp-581"), FYP).find((x) => x.value === 0.612)!;
    expect([r.unit, r.indicator, r.comparator]).toEqual([null, "农田灌溉水有效利用系数", "eq"]);
  });
  it("4.0方案 is a plan's name, not 4 cubic metres", () => {
    const rs = targets(sentence("annual-109"), ANNUAL);
    expect(rs.find((x) => x.value === 4)).toBeUndefined();
  });
});
