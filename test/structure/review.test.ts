import { describe, expect, it } from "vitest";
import { isReviewHeading } from "../../src/structure/review.js";
import { docOf } from "../helpers.js";

describe("review-of-past-results headings", () => {
  it.each([
    "第一节 发展成就", "一、2024年工作回顾", "（一）2024年经济社会发展主要成就", "一、“十四五”时期发展成效",
    "二、2024年国民经济和社会发展计划执行情况", "第一节 发展基础", "一、过去五年的主要成就", "第一节 发展成就.....",
  ])("%s is a review", (h) => expect(isReviewHeading(h)).toBe(true));
  it.each([
    "第二节 面临形势", "第一节 夯实农业发展基础", "（三）巩固拓展脱贫攻坚成果同乡村振兴有效衔接，确保成效持续显现", "专栏24 综合立体交通网建设",
  ])("%s is not", (h) => expect(isReviewHeading(h)).toBe(false));
  it("every block under a review heading is marked, and the next section is not", () => {
    const doc = docOf("第一节 发展成就\n建成呼和浩特盛乐国际机场。\n第二节 面临形势\n建设乌海抽水蓄能项目。\n");
    expect(doc.blocks.map((b) => b.review)).toEqual([true, true, false, false]);
  });
});
