import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sentenceClauses } from "../../src/structure/clauses.js";
import { splitDocuments } from "../../src/structure/documents.js";
import { SEEDS, seedText, sourceOf } from "../helpers.js";

/** The clauses a test of every character for a clause mark finds (the loop the native search replaced). */
function byChar(text: string, s: { start: number; end: number }) {
  const out: Array<{ start: number; end: number; text: string }> = [];
  let a = s.start;
  for (let i = s.start; i <= s.end; i++) {
    if (i === s.end || "，,：:；;。！？!?".includes(text[i]!)) {
      if (i > a) out.push({ start: a, end: i, text: text.slice(a, i) });
      a = i + 1;
    }
  }
  return out;
}

describe("sentenceClauses", () => {
  it("splits at ，：；。！？ (full and half width), empty clauses skipped (a real sentence)", () => {
    const text = "推进宁城县通用机场，，东乌旗运输机场：加强管理。";
    expect(sentenceClauses(text, { start: 0, end: text.length }).map((c) => c.text)).toEqual(["推进宁城县通用机场", "东乌旗运输机场", "加强管理"]);
  });
  it("a sentence without marks is one clause, and the search does not read past the sentence", () => {
    const text = "加快建设包银高铁" + "乌".repeat(50) + "，";
    expect(sentenceClauses(text, { start: 0, end: 8 })).toEqual([{ start: 0, end: 8, text: "加快建设包银高铁" }]);
  });
  it("the same clauses as the test per character over every sentence of the seeds", () => {
    let n = 0;
    for (const f of readdirSync(SEEDS).filter((x) => x.endsWith(".txt"))) {
      for (const doc of splitDocuments(sourceOf(seedText(f), f))) {
        for (const s of doc.sentences) { expect(sentenceClauses(doc.source.text, s)).toEqual(byChar(doc.source.text, s)); n++; }
      }
    }
    expect(n).toBeGreaterThan(1000);
  });
  it("a sentence keeps its clauses: read again, the same array, equal to its span's reading from the text", () => {
    const f = readdirSync(SEEDS).filter((x) => x.endsWith(".txt")).sort()[0]!;
    const doc = splitDocuments(sourceOf(seedText(f), f))[0]!;
    const s = doc.sentences.find((x) => x.text.includes("，"))!;
    expect(s.clauses).toBeUndefined();
    const first = sentenceClauses(doc.source.text, s);
    expect(first.length).toBeGreaterThan(1);
    expect(s.clauses).toBe(first);
    expect(sentenceClauses(doc.source.text, s)).toBe(first);
    expect(first).toEqual(sentenceClauses(doc.source.text, { start: s.start, end: s.end }));
  });
});
