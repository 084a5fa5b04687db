import { describe, expect, it } from "vitest";
import { FYP, targets } from "./helpers.js";

/** Inputs that would blow up a quadratic scan or a backtracking regex; they must simply finish. */
describe("hostile input stays linear", () => {
  const big = (unit: string, n = 100_000) => unit.repeat(n);
  it("one clause of 100k values with no separator", () => {
    const rs = targets(`到2027年${big("新增1亩")}。`, FYP);
    expect(rs.length).toBeGreaterThan(0);
  });
  it("one list of 100k values sharing its words (1亩、1亩、…以上)", () => {
    expect(targets(`到2027年，新增治理面积${big("1亩、")}1亩以上。`, FYP).length).toBeGreaterThan(0);
  });
  it("a paragraph of 100k bare years and deadlines", () => {
    expect(targets(big("2020年到2027年，"), FYP)).toEqual([]);
  });
  it("a 、 list of 100k items before a list of values", () => {
    expect(Array.isArray(targets(`构建至${big("京津冀、")}等国家枢纽的5ms/15ms级通道。`, FYP))).toBe(true);
  });
  it("a million CJK characters with qualitative words and no clause end", () => {
    expect(Array.isArray(targets(big("全覆盖不发生动态清零稳居全国上游实现连通", 50_000), FYP))).toBe(true);
  });
  it("a clause of 100k counts that ends in a progress word (加快…建设进度)", () => {
    expect(targets(`加快${big("1个基地、")}建设进度。`, FYP)).toEqual([]);
  });
  it("100k values inside one open quotation, and a past year before 100k clauses", () => {
    expect(Array.isArray(targets(`新增“${big("1亩、")}”。`, FYP))).toBe(true);
    expect(targets(`工程，2024年1亩全部投产${big("，新建1亩", 50_000)}。`, { plan_year: 2025 }).length).toBe(50_000);
  });
  it("long digit and punctuation runs", () => {
    expect(targets(`${"9".repeat(1_000_000)}亩${"，".repeat(500_000)}${"—".repeat(500_000)}`, FYP)).toEqual([]);
  });
  it("a table row of 100k tab-separated cells", () => {
    const rows = `专栏1 主要指标\n类别\t指标\t2025年\t2030年\t属性\n经济\t1.增长 (%)\t${"1\t".repeat(100_000)}预期性\n`;
    expect(Array.isArray(targets(rows, FYP))).toBe(true);
  });
});
