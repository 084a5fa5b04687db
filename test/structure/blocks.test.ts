import { describe, expect, it } from "vitest";
import review from "../../src/data/review-headings.json" with { type: "json" };
import { splitBlocks, splitSentences } from "../../src/structure/blocks.js";
import { detectHeading } from "../../src/structure/headings.js";
import { linesOf } from "../../src/structure/lines.js";
import { isReviewHeading } from "../../src/structure/review.js";
import { HEADING_KINDS, markerAt, stripMarker } from "../../src/shared/markers.js";
import { SEED, seedText, sourceOf } from "../helpers.js";

/**
 * Lines, blocks, sentences, heading labels and review headings are found by native
 * searches and offsets now; over every line of the seeds (and the same lines with
 * blanks and tabs put in) they come out as the code-unit loops and string trims
 * that found them before.
 */
const seeds = Object.values(SEED).map((name) => sourceOf(seedText(name), name));
// the seeds' lines with the blanks the fast paths skip: around the line, before the first sentence end, inside a sentence
const spaced = sourceOf(Object.values(SEED).map(seedText).join("\n").split("\n")
  .map((l, k) => (k % 4 === 1 ? ` \u3000${l.replace("。", " 。 ").replace(/^(\S{3})/, "$1\t")}\u3000 ` : k % 4 === 3 ? l.replace("，", "， \u2028") : l)).join("\n"));

// the blocks as the line trims made them: start after trimStart, text the trimmed line
function blocksBefore(text: string) {
  const out: Array<{ start: number; end: number; text: string }> = [];
  for (let pos = 0; pos < text.length;) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) nl = text.length;
    const raw = text.slice(pos, nl);
    const t = raw.trim();
    if (t) out.push({ start: pos + raw.length - raw.trimStart().length, end: pos + raw.length - raw.trimStart().length + t.length, text: t });
    pos = nl + 1;
  }
  return out;
}

// sentences as the loop over code units cut them, trimmed by trimStart/trim
function sentencesBefore(t: string): Array<[number, number, string]> {
  const END = "。！？；!?;", CLOSE = "”’）)」』";
  const out: Array<[number, number, string]> = [];
  const push = (s: number, e: number) => {
    const raw = t.slice(s, e), lead = raw.length - raw.trimStart().length, x = raw.trim();
    if (x) out.push([s + lead, s + lead + x.length, x]);
  };
  let s = 0;
  for (let i = 0; i < t.length; i++) {
    if (!END.includes(t[i]!)) continue;
    let e = i + 1;
    while (e < t.length && CLOSE.includes(t[e]!)) e++;
    push(s, e);
    s = e;
    i = e - 1;
  }
  if (s < t.length) push(s, t.length);
  return out;
}

const labelBefore = (line: string) => {
  const cut = line.search(/[。；：:]/);
  const t = (cut >= 0 ? line.slice(0, cut) : line).replace(/\t.*$/, "").replace(/\s+/g, " ").trim();
  return t.length > 40 ? t.slice(0, 40) + "…" : t;
};

const reviewBefore = (label: string) => {
  const title = stripMarker(label, HEADING_KINDS).replace(/^(?:\d{4}年度?|[“"]?十[一二三四五六七八九]五[”"]?(?:时期|期间|规划)?|上年|去年)?/, "").replace(/[\s.。…0-9]+$/, "");
  return review.opening.some((w) => title.startsWith(w) && title.length <= w.length + 6) || (title.length <= 16 && review.anywhere.some((w) => title.includes(w)));
};

describe("blocks, sentences and headings over every line of the seeds", () => {
  for (const src of [...seeds, spaced]) {
    it(`${src.file}: blocks and sentences at the same offsets`, () => {
      const blocks = splitBlocks(src, { start: 0, end: src.text.length }, linesOf(src));
      expect(blocks.map((b) => ({ start: b.start, end: b.end, text: b.text }))).toEqual(blocksBefore(src.text));
      const sentences = splitSentences(blocks);
      const before = blocks.flatMap((b) => (b.cells && b.cells.length > 1 ? [[b.start, b.end, b.text] as [number, number, string]]
        : sentencesBefore(b.text).map(([s, e, t]) => [b.start + s, b.start + e, t] as [number, number, string])));
      expect(sentences.map((s) => [s.start, s.end, s.text])).toEqual(before);
      for (const s of sentences) expect(src.text.slice(s.start, s.end)).toBe(s.text);
    });
    it(`${src.file}: lines at the same offsets as blocks were`, () => {
      expect(linesOf(src).map((l) => ({ start: l.start, end: l.end, text: l.text }))).toEqual(blocksBefore(src.text));
    });
    it(`${src.file}: heading labels and review headings`, () => {
      let headings = 0;
      for (const b of blocksBefore(src.text)) {
        const m = markerAt(b.text);
        const h = detectHeading(b.text);
        if (!m) { expect(h).toBeUndefined(); continue; }
        headings++;
        expect(h!.label).toBe(labelBefore(m.marker + b.text.slice(m.raw.length)));
        expect(isReviewHeading(h!.label)).toBe(reviewBefore(h!.label));
      }
      expect(headings).toBeGreaterThan(20);
    });
  }
});

describe("blocks from the lines linesOf made", () => {
  // the seeds (003 holds 专栏 tables, rows with leading tabs), and a span cut inside a file:
  // a span's blocks are the whole file's blocks of its lines, at the same offsets, with the same cells
  // (their heading paths start afresh at the span's start)
  const placed = (bs: readonly { start: number; end: number; text: string; cells?: unknown }[]) => bs.map(({ start, end, text, cells }) => ({ start, end, text, cells }));
  it.each(Object.values(SEED))("%s: the same blocks as the whole file's", (name) => {
    const src = sourceOf(seedText(name).replace(/\n专栏/g, "\n  \t专栏"), name);
    const lines = linesOf(src);
    const whole = splitBlocks(src, { start: 0, end: src.text.length }, lines);
    for (const [a, b] of [[0, lines.length], [3, Math.min(lines.length, 200)]] as const) {
      const span = { start: lines[a]!.start, end: lines[b - 1]!.end };
      expect(placed(splitBlocks(src, span, lines.slice(a, b)))).toEqual(placed(whole.slice(a, b)));
    }
  });
});

describe("heading paths kept per heading (HeadingPath: each heading holds its section and review)", () => {
  // the path as the stack of headings made it before: labels of the stack, a review if any heading on it opens one,
  // the box its last 专栏 or a 篇/章/节 heading left; blocks under one heading share one section array
  function pathsBefore(blocks: readonly { heading?: { level: number; label: string; box: boolean } }[]) {
    const stack: Array<{ level: number; label: string; review: boolean }> = [];
    let box: string | undefined;
    return blocks.map(({ heading: h }) => {
      if (h) {
        while (stack.length && stack[stack.length - 1]!.level >= h.level) stack.pop();
        if (h.level <= 4) box = undefined;
        stack.push({ level: h.level, label: h.label, review: isReviewHeading(h.label) });
        if (h.box) box = h.label;
      }
      return { section: stack.map((s) => s.label), review: stack.some((s) => s.review), box };
    });
  }
  it.each(Object.values(SEED))("%s: every block's section, review and box as the stack made them", (name) => {
    const src = sourceOf(seedText(name), name);
    const blocks = splitBlocks(src, { start: 0, end: src.text.length }, linesOf(src));
    expect(blocks.map((b) => ({ section: b.section, review: b.review, box: b.box }))).toEqual(pathsBefore(blocks));
    expect(blocks.filter((b) => b.heading).length).toBeGreaterThan(10);
    for (let k = 1; k < blocks.length; k++) if (!blocks[k]!.heading) expect(blocks[k]!.section).toBe(blocks[k - 1]!.section);
  });
  it("a review heading marks the blocks under it and under its sub-headings, until a heading of its level or above (real headings)", () => {
    // 发展基础 opens a review (review-headings.json); the next chapter ends it, and its 专栏 box lasts to the end
    const text = "第一章 发展基础\n一、“十四五”时期发展成就\n（一）经济实力\n地区生产总值年均增长6%。\n二、面临形势\n机遇与挑战并存。\n第二章 总体要求\n专栏1 主要指标\n指标\t2025年\t属性\n三、重点任务\n推进产业升级。";
    const src = sourceOf(text);
    const blocks = splitBlocks(src, { start: 0, end: src.text.length }, linesOf(src));
    expect(blocks.map((b) => b.review)).toEqual([true, true, true, true, true, true, false, false, false, false, false]);
    expect(blocks[3]!.section).toEqual(["第一章 发展基础", "一、“十四五”时期发展成就", "（一）经济实力"]);
    expect(blocks[5]!.section).toEqual(["第一章 发展基础", "二、面临形势"]);
    expect(blocks.map((b) => b.box ?? null)).toEqual([null, null, null, null, null, null, null, "专栏1主要指标", "专栏1主要指标", "专栏1主要指标", "专栏1主要指标"]);
    expect(blocks.map((b) => ({ section: b.section, review: b.review, box: b.box }))).toEqual(pathsBefore(blocks));
  });
});

describe("sentences found whole by one search", () => {
  it("give the pieces split after each break, trimmed, on breaks at either end, closers after a blank, blanks inside and a last one ending in blanks (trimmedSentence)", () => {
    for (const text of ["。。", "；开头", "一句。” 二句！）三", "甲 乙。  丙", "完成。”）", "a;b?c!", "“引语。”他说", "无断句", "率 达到 90%；\u3000其余", "！", "末句无断句 \u3000", "一句。二句\u2028 "]) {
      const b = { start: 5, end: 5 + text.length, text, section: [], review: false };
      expect(splitSentences([b]).map((s) => [s.start, s.end, s.text])).toEqual(sentencesBefore(text).map(([s, e, t]) => [5 + s, 5 + e, t]));
    }
  });
});
