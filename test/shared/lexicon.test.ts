import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstContained, holdsAny } from "../../src/shared/lexicon.js";
import { SECTOR_KEYWORDS } from "../../src/extract/projects/lexicon.js";

/** Random texts and word lists over a few characters, so that words overlap, nest and repeat. */
const chars = ["新", "能", "源", "基", "地", "电", "站", "光", "伏"];
const text = (max: number) => fc.array(fc.constantFrom(...chars), { maxLength: max }).map((a) => a.join(""));

describe("word lists read in one pass", () => {
  it("firstContained gives the index of the first listed word the text holds, as findIndex over includes does", () => {
    fc.assert(fc.property(text(30), fc.array(text(4), { maxLength: 12 }), (t, words) => {
      expect(firstContained(t, words)).toBe(words.findIndex((w) => t.includes(w)));
      expect(holdsAny(t, words)).toBe(words.some((w) => t.includes(w)));
    }), { numRuns: 5000 });
  });

  it("takes list order, not text order, on a real sector table", () => {
    const words = SECTOR_KEYWORDS.map(([k]) => k);
    for (const name of ["锡林郭勒盟风电基地配套储能电站", "乌兰察布市新能源汽车产业园", "呼和浩特至包头高速铁路", "国家级大数据中心"]) {
      expect(firstContained(name, words)).toBe(words.findIndex((w) => name.includes(w)));
    }
  });
});
