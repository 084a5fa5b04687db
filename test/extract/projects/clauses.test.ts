import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { clausesOf } from "../../../src/extract/projects/clauses.js";
import { DocHeads } from "../../../src/extract/projects/heads.js";
import { HEAD_RE } from "../../../src/extract/projects/lexicon.js";
import { NAME_GAP, namesInClause } from "../../../src/extract/projects/names.js";
import { outsidePlaceNames } from "../../../src/shared/places.js";
import { sentenceClauses } from "../../../src/structure/clauses.js";
import { splitDocuments } from "../../../src/structure/documents.js";
import type { Doc } from "../../../src/structure/types.js";
import { LIST_KINDS, markerAt, markerLength } from "../../../src/shared/markers.js";
import { SEEDS, docOf, seedText, sourceOf } from "../../helpers.js";

const HEAD = new RegExp(HEAD_RE.source);

describe("clausesOf: only sentences holding a head noun", () => {
  it("a sentence naming a work is read, one naming none is skipped (real sentences)", () => {
    const doc = docOf("加强生态环境保护。推进乌海、赤峰、巴彦淖尔抽水蓄能项目建设。完善工作机制。");
    expect(clausesOf(doc).map((s) => doc.sentences[s.sentence]!.text)).toEqual(["推进乌海、赤峰、巴彦淖尔抽水蓄能项目建设。"]);
  });

  it("over the seeds: every sentence of prose skipped names nothing, every one read holds a head", () => {
    let read = 0, skipped = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      for (const doc of splitDocuments(sourceOf(seedText(f), f))) {
        const kept = new Set(clausesOf(doc).map((s) => s.sentence));
        doc.sentences.forEach((s, si) => {
          const clauses = sentenceClauses(doc.source.text, s);
          if (kept.has(si)) {
            read++;
            expect(HEAD.test(s.text)).toBe(true);
          } else if (!s.block.heading) { // heading lines are skipped by their own rules
            skipped++;
            for (const c of clauses) expect(namesInClause(c.text, false)).toEqual([]);
          }
        });
      }
    }
    // most sentences of a plan name no work: the skip must be doing something
    expect(skipped).toBeGreaterThan(read);
  });

  it("over the seeds: a clause of a read sentence left out of named names nothing, and those in it hold a head", () => {
    let named = 0, passed = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      for (const doc of splitDocuments(sourceOf(seedText(f), f))) {
        for (const s of clausesOf(doc)) {
          const inNamed = new Set(s.named);
          s.clauses.forEach((c, ci) => {
            if (inNamed.has(ci)) { named++; expect(HEAD.test(c.text)).toBe(true); }
            else { passed++; expect(namesInClause(c.text, s.heading)).toEqual([]); }
          });
        }
      }
    }
    // about half the clauses of a sentence naming a work hold no head noun
    expect(passed).toBeGreaterThan(named / 2);
  });

  it("over the seeds and a box: the sentences passed by the heads' pointer are those every sentence's own tests pass", () => {
    // the reading of every sentence in turn (before the pointer passed sentences whose block holds no head)
    const perSentence = (doc: Doc) => {
      const text = doc.source.text, heads = new DocHeads(text, doc.start, doc.end), out: unknown[] = [];
      doc.sentences.forEach((s, si) => {
        const b = s.block, title = !!b.heading && !/[。；]/.test(b.text);
        if (title && b.box && !b.heading!.box && markerAt(b.heading!.marker)?.kind !== "article") {
          const start = b.start + markerLength(b.text, LIST_KINDS);
          const k = start < b.end ? heads.named(start, b.end) : -1;
          if (k !== -1) out.push([si, true, [text.slice(start, b.end)], [0], [k]]);
          return;
        }
        if (title || !heads.holds(s.start, s.end)) return;
        const clauses = sentenceClauses(text, s), named: number[] = [], firstHead: number[] = [];
        clauses.forEach((c, ci) => { const k = heads.named(c.start, c.end); if (k !== -1) { named.push(ci); firstHead.push(k); } });
        if (named.length) out.push([si, false, clauses.map((c) => c.text), named, firstHead]);
      });
      return out;
    };
    const docs = [docOf("专栏3 重大水利工程\n（一）引调水工程\n引绰济辽工程二期。加强管理。\n（二）完善制度\n推进岱海生态应急补水工程建设。")];
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) for (const doc of splitDocuments(sourceOf(seedText(f), f))) docs.push(doc);
    let read = 0;
    for (const doc of docs) {
      const got = clausesOf(doc).map((s) => [s.sentence, s.heading, s.clauses.map((c) => c.text), s.named, s.firstHead]);
      expect(got).toEqual(perSentence(doc));
      read += got.length;
    }
    expect(read).toBeGreaterThan(1000);
  });

  it("a sentence's clauses without a head are passed, the list carried on over them stays readable", () => {
    const doc = docOf("推进宁城县通用机场，东乌旗运输机场，加强管理。");
    const [s] = clausesOf(doc);
    expect(s!.clauses.map((c) => c.text)).toEqual(["推进宁城县通用机场", "东乌旗运输机场", "加强管理"]);
    expect(s!.named).toEqual([0, 1]);
  });
});

describe("DocHeads: the document's head nouns answer for its clauses", () => {
  it("over the seeds: names read off the document's heads are those a search of each clause gives", () => {
    let given = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      for (const doc of splitDocuments(sourceOf(seedText(f), f))) {
        for (const s of clausesOf(doc)) {
          s.named.forEach((ci, k) => {
            const c = s.clauses[ci]!;
            if (s.firstHead[k]! >= 0) given++;
            expect(namesInClause(c.text, s.heading, s.heads, s.firstHead[k]!, c.start)).toEqual(namesInClause(c.text, s.heading));
          });
        }
      }
    }
    expect(given).toBeGreaterThan(1000);
  });

  it("a span a head of the document crosses is searched on its own (产业园区 cut before 园区)", () => {
    const text = "推进产业园区建设";
    const heads = new DocHeads(text, 0, text.length);
    expect(heads.count).toBe(1);
    expect(heads.nounAt(0).head).toBe("产业园区");
    expect(heads.firstIn(0, text.length)).toBe(0);
    expect(heads.firstIn(4, text.length)).toBe(-2); // 园区建设 alone holds 园区
    expect(heads.holds(4, text.length)).toBe(true);
    expect(heads.firstIn(0, 5)).toBe(-2); // 推进产业园 holds 产业园
    expect(heads.firstIn(6, text.length)).toBe(-1);
    expect(heads.holds(6, text.length)).toBe(false);
    // named: -1 where holds says no, else firstIn
    for (let a = 0; a < text.length; a++) for (let b = a + 1; b <= text.length; b++) {
      expect(heads.named(a, b)).toBe(heads.holds(a, b) ? heads.firstIn(a, b) : -1);
    }
  });

  it("a document of many heads keeps each one's place past its lists' first growth (the bench's page repeats one phrase 10⁶ times)", () => {
    const phrase = "推进重点项目建设。";
    const text = phrase.repeat(100);
    const heads = new DocHeads(text, 0, text.length);
    expect(heads.count).toBe(100);
    for (let k = 0; k < 100; k++) {
      expect([heads.start[k], heads.end[k], heads.nounAt(k).head]).toEqual([k * phrase.length + 4, k * phrase.length + 6, "项目"]);
    }
    expect(heads.firstIn(99 * phrase.length, text.length)).toBe(99);
  });
});

describe("headRuns: the text between two heads of one name", () => {
  it("over the seeds: NAME_GAP's one test answers as the four tests it replaced (separator, joint, 等, characters)", () => {
    const HE = outsidePlaceNames("和");
    const JOINT = new RegExp(`^(?:以及|${HE}|及|与|并|、)`);
    const before = (gap: string) => !/[、，,；;。]/.test(gap) && !JOINT.test(gap) && !gap.startsWith("等") && !/[^\u4e00-\u9fff“”"（）()—·]/.test(gap);
    let joined = 0, apart = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      const text = seedText(f);
      const heads = new DocHeads(text, 0, text.length);
      // every gap up to 30 characters between heads, and its tails (和林格尔…, 及…, 等…)
      for (let k = 1; k < heads.count; k++) {
        const gap = text.slice(heads.end[k - 1]!, heads.start[k]!);
        if (gap.length > 30) continue;
        for (let i = 0; i < gap.length; i++) {
          const g = gap.slice(i);
          expect(NAME_GAP.test(g)).toBe(before(g));
          if (before(g)) joined++; else apart++;
        }
      }
    }
    for (const g of ["", "和林格尔", "和赤峰", "及", "等", "“东数西算”", "（一期）", "以及"]) expect(NAME_GAP.test(g)).toBe(before(g));
    expect(joined).toBeGreaterThan(100);
    expect(apart).toBeGreaterThan(100);
  });
});
