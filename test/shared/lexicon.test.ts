import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endsWithAny, firstContained, holdsAny, startsWithAny, wordEnds, wordStarts } from "../../src/shared/lexicon.js";
import { NOT_TARGETS, PAST, GOAL_VERBS, INDICATOR_LEAD_INS } from "../../src/extract/targets/phrases.js";
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

describe("wordStarts / wordEnds: the one-character gates before startsWithAny / endsWithAny", () => {
  it("a text the gate turns away holds no word of the list at that end (random lists, the empty word too)", () => {
    fc.assert(fc.property(text(8), fc.array(text(4), { maxLength: 8 }), (t, words) => {
      if (startsWithAny(t, words) !== null) expect(wordStarts(words).has(t.charCodeAt(0)) || t === "").toBe(true);
      if (endsWithAny(t, words) !== null) expect(wordEnds(words).has(t.charCodeAt(t.length - 1)) || t === "").toBe(true);
    }), { numRuns: 5000 });
  });

  it("gates the targets phrase tables on real words", () => {
    expect(wordStarts(PAST.sentenceOpeners).has("过去五年，全区地区生产总值年均增长5.6%".charCodeAt(0))).toBe(true);
    expect(wordStarts(PAST.sentenceOpeners).has("到2027年，全区地区生产总值达到3万亿元".charCodeAt(0))).toBe(false);
    expect(wordEnds(NOT_TARGETS.conditionAttributes).has("城区人口".charCodeAt(3))).toBe(true);
    expect(wordEnds(GOAL_VERBS).has("新能源装机规模达到".charCodeAt(8))).toBe(true);
    expect(wordStarts(NOT_TARGETS.nameWords).has("强旗县".charCodeAt(0))).toBe(true);
    // the empty word is at both ends of every text
    expect(wordStarts(["", "用于"]).has(0x4e00)).toBe(true);
    expect(wordEnds(["", "用于"]).has(-1)).toBe(true);
  });
});

describe("startsWithAny / endsWithAny: a list read by the character a text starts or ends with", () => {
  it("give the first listed word the text starts / ends with, as find over startsWith / endsWith does (random lists, the empty word and the empty text too)", () => {
    fc.assert(fc.property(text(8), fc.array(text(4), { maxLength: 12 }), (t, words) => {
      expect(startsWithAny(t, words)).toBe(words.find((w) => t.startsWith(w)) ?? null);
      expect(endsWithAny(t, words)).toBe(words.find((w) => t.endsWith(w)) ?? null);
    }), { numRuns: 5000 });
  });

  it("take list order among words sharing a character, on real goal verbs and lead-ins", () => {
    for (const before of ["新能源装机规模达到", "粮食产量稳定在", "森林覆盖率稳定保持在", "城镇新增就业", "规模"]) {
      expect(endsWithAny(before, GOAL_VERBS)).toBe(GOAL_VERBS.find((w) => before.endsWith(w)) ?? null);
    }
    for (const t of ["在此基础上，粮食产量", "力争全区地区生产总值", "到2027年", ""]) {
      expect(startsWithAny(t, INDICATOR_LEAD_INS)).toBe(INDICATOR_LEAD_INS.find((w) => t.startsWith(w)) ?? null);
    }
  });
});
