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
  ])("%s", (_, text) => {
    const out = extractProjects(docOf(text));
    expect(Array.isArray(out)).toBe(true);
  });
});
