import { describe, expect, it } from "vitest";
import { isNameChar, nameRunStart, nameStartIn } from "../../src/extract/transport/names.js";
import { readdirSync } from "node:fs";
import { mayHoldMention, sentenceMentions } from "../../src/extract/transport/mentions.js";
import { splitDocuments } from "../../src/structure/documents.js";
import { SEEDS, seedText, sourceOf } from "../helpers.js";

describe("nameStartIn: where a line's name starts in the run before its head", () => {
  it("after the last governing word or stage verb (real runs: 利用滨洲铁路, 配合国家建设甘其毛都口岸跨境铁路)", () => {
    expect(nameStartIn("利用滨洲")).toBe(2);
    expect(nameStartIn("配合国家建设甘其毛都口岸跨境")).toBe("配合国家建设".length);
  });
  it("a run holding none of the words is read whole (包银高铁, 二级及以上公路: 以 before 上 governs nothing)", () => {
    expect(nameStartIn("包银")).toBe(0);
    expect(nameStartIn("二级及以上")).toBe(3); // 及 cuts (a joiner), 以 in 以上 does not
  });
});


describe("mayHoldMention: the sentences sentenceMentions can find a line in", () => {
  it("over the seeds: no sentence passed names a line, and most holding 路, 线 or 道 are passed", () => {
    let passed = 0, read = 0;
    for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) {
      for (const doc of splitDocuments(sourceOf(seedText(f), f))) {
        for (const s of doc.sentences) {
          if (mayHoldMention(s.text)) { read++; continue; }
          if (/[路线道]/.test(s.text)) passed++;
          expect(sentenceMentions(s.text, true)).toEqual([]);
        }
      }
    }
    expect(passed).toBeGreaterThan(read);
  });
  it("a real road sentence is read (公路方面，建成S22…)", () => {
    expect(mayHoldMention("建成S22呼和浩特至和林格尔段")).toBe(true);
    expect(mayHoldMention("畅通物流渠道，拓展线上销售")).toBe(false);
  });
});

describe("nameRunStart: the run of name characters before a head", () => {
  it("is the walk back over isNameChar (real text: 加快建设包（银）海、集宁—大同铁路)", () => {
    const s = "加快建设包（银）海、集宁—大同铁路";
    const walk = (floor: number, end: number) => { let i = end; while (i > floor && isNameChar(s[i - 1]!)) i--; return i; };
    for (let end = 1; end <= s.length; end++) for (let floor = 0; floor < end; floor++) expect(nameRunStart(s, floor, end)).toBe(walk(floor, end));
    expect(s.slice(nameRunStart(s, 0, s.indexOf("铁路")), s.indexOf("铁路"))).toBe("集宁—大同");
  });
});
