import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTICLE_KINDS, CN_ITEM, CN_PAREN, HEADING_KINDS, ITEM_KINDS, LIST_KINDS, markerAt, markerLength, NUM_ITEM, PAREN_KINDS, stripMarker, RULES, type MarkerKind } from "../../src/shared/markers.js";
import { SEEDS } from "../helpers.js";

// one numbering grammar for headings, list items, PDF row openers and normalisation (issue 9)
describe("the numbering grammar (shared/markers.ts)", () => {
  it.each([
    ["第十五章 加快建设现代化产业体系", "chapter", "第十五章"],
    ["第1 0条 申请专项资金的企业", "article", "第10条"],
    ["第 一 章 总则", "chapter", "第一章"],
    ["二 、支持范围", "cn-item", "二、"],
    ["（ 一 ）自建办公用房", "cn-paren", "（一）"],
    ["( 1 )对新引进企业", "num-paren", "(1)"],
    ["100. 开展涉企收费专项治理。", "num-item", "100."],
    ["专栏1 “十五五”时期经济社会发展主要指标", "box", "专栏1"],
    ["⑴ 优化营商环境", "num-paren", "⑴"],
    ["① 新建", "circled", "①"],
  ])("%s → %s %s", (line, kind, marker) => {
    expect(markerAt(line)).toMatchObject({ kind, marker });
  });

  it("a number that is a value, not an item, is no marker (1.5亿元, 2025年)", () => {
    expect(markerAt("1.5亿元用于支持")).toBeUndefined();
    expect(markerAt("2025年经济社会发展")).toBeUndefined();
  });

  it("kinds restrict what is stripped: a list item, not a chapter", () => {
    expect(stripMarker("（三）推进“十大孔兑”流域水土流失治理", LIST_KINDS)).toBe("推进“十大孔兑”流域水土流失治理");
    expect(stripMarker("第三章 主要目标", LIST_KINDS)).toBe("第三章 主要目标");
    expect(stripMarker("第三章 主要目标", HEADING_KINDS)).toBe("主要目标");
    expect(stripMarker("第五条 境内非首发上市企业", ITEM_KINDS)).toBe("境内非首发上市企业");
    expect(markerLength("18.  对新认定的", ITEM_KINDS)).toBe(5);
  });
});

describe("the first-character gate of markerAt", () => {
  it("lets through every character a marker rule can open with (checked over the whole BMP)", () => {
    const tails = ["", "、", " 、", "1、", "1.", "一章", " 1 章", "十条", "1)", " 1 )", "一）", "栏1", "栏 1", "篇", "0条"];
    const missed: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const opens = tails.some((t) => RULES.some((r) => r.re.test(ch + t)));
      if (opens && markerAt(ch + tails.find((t) => RULES.some((r) => r.re.test(ch + t)))!) === undefined) missed.push(ch);
    }
    expect(missed).toEqual([]);
    expect(markerAt("（一）总体要求")?.kind).toBe("cn-paren");
    expect(markerAt("推进（一）")).toBeUndefined();
  });
});

describe("markerAt: one combined pattern gives what the rules tried in turn gave", () => {
  const oracle = (text: string, kinds?: ReadonlySet<MarkerKind>) => {
    for (const r of RULES) {
      if (kinds && !kinds.has(r.kind)) continue;
      const m = r.re.exec(text);
      if (m) return { kind: r.kind, level: r.level, raw: m[0], marker: m[0].replace(/\s+/g, "") };
    }
    return undefined;
  };
  it("on every line of every seed (and every line's clauses), for every set of kinds", () => {
    const sets = [undefined, LIST_KINDS, ITEM_KINDS, NUM_ITEM, ARTICLE_KINDS, CN_ITEM, CN_PAREN, PAREN_KINDS, HEADING_KINDS, new Set<MarkerKind>()];
    for (const name of readdirSync(SEEDS)) {
      for (const line of readFileSync(join(SEEDS, name), "utf8").split("\n")) {
        for (const t of [line, line.trim(), ...line.split(/[，。；]/)]) for (const k of sets) expect(markerAt(t, k)).toEqual(oracle(t, k));
      }
    }
  });
  it("on markers printed with spaces, in brackets and circled", () => {
    for (const t of ["第1 0条 内容", "第 一 章", "二 、任务", "( 一 )目标", "（ 1 ）", "⑴项目", "⑳", "10.5亿元", "12．项目", "专栏 3", ""]) expect(markerAt(t)).toEqual(oracle(t));
  });
});
