import { describe, expect, it } from "vitest";
import { extractProjects } from "../../../src/extract/projects.js";
import { docOf } from "../../helpers.js";

// Every regex must stay linear: these must complete (no timing assertion).
describe("hostile input", () => {
  it.each([
    ["a long run of heads", "工程".repeat(20000)],
    ["a long list with no head", "包头市、".repeat(20000) + "抽水蓄能项目"],
    ["long runs of digits and punctuation", "1".repeat(50000) + "、，".repeat(20000) + "等".repeat(20000)],
    ["nested brackets and quotes", "（“".repeat(20000) + "基地"],
    ["verbs and adverbs without end", "加快推进建设".repeat(20000) + "水库"],
    ["a long line of list items and heads", ("推动乌海、赤峰、巴彦淖尔抽水蓄能项目建设" + "包头市、".repeat(50) + "等").repeat(600)],
    ["a megabyte of heads joined without punctuation", "乌海抽水蓄能项目和".repeat(120000)],
    ["rank words and activity centres without end", "建设" + "全国领先".repeat(20000) + "服务运营".repeat(20000) + "中心"],
    ["a long key-project list", "实施" + "满洲里口岸通道扩建、".repeat(30000) + "等重点项目"],
  ])("%s", (_, text) => {
    const out = extractProjects(docOf(text));
    expect(Array.isArray(out)).toBe(true);
  });
});
