import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { flat, linesOf } from "../../src/structure/lines.js";
import { SEEDS, sourceOf } from "../helpers.js";
import { WHITESPACE } from "../../src/shared/char-class.js";

/** flat as five regular-expression replaces wrote it: the oracle of the native-search version */
const oracle = (s: string) => s.replace(/[\s*#]/g, "").replace(/（/g, "(").replace(/）/g, ")").replace(/[〔［【]/g, "[").replace(/[〕］】]/g, "]");

describe("flat (whitespace and markup dropped, brackets unified)", () => {
  it("equals the replaces on every line of every seed, and on the raw text", () => {
    for (const name of readdirSync(SEEDS)) {
      const text = readFileSync(join(SEEDS, name), "utf8");
      for (const l of linesOf(sourceOf(text, name))) expect(l.flat).toBe(oracle(l.text));
      expect(flat(text)).toBe(oracle(text));
    }
  });
  it("edits at either end and between edits, and returns a line without any as it is", () => {
    for (const s of ["【关于印发《内蒙古自治区 促进投资》的通知】", "  #国发〔2023〕16号\t", "（一）", "无需编辑", "", "\u3000\u3000二、主要目标*"]) expect(flat(s)).toBe(oracle(s));
  });
  it("drops every character \\s matches, beside markup and brackets (the edits are searched as two alternatives)", () => {
    const s = `（一）${WHITESPACE.split("").join("加快")}【#*〔［〕］】`;
    expect(flat(s)).toBe(oracle(s));
    expect(flat(s)).toBe(`(一)${"加快".repeat(WHITESPACE.length - 1)}[[[]]]`);
  });
});

describe("linesOf (one search per non-blank line)", () => {
  /** the lines as splitting on \n and trimming each made them: the oracle */
  const oracle = (t: string) => {
    const out: Array<[number, number, string]> = [];
    let pos = 0;
    for (const raw of t.split("\n")) {
      const text = raw.trim();
      if (text) { const start = pos + raw.length - raw.trimStart().length; out.push([start, start + text.length, text]); }
      pos += raw.length + 1;
    }
    return out;
  };
  const same = (t: string) => {
    const src = sourceOf(t);
    expect(linesOf(src).map((l) => [l.start, l.end, l.text])).toEqual(oracle(src.text));
  };
  it("gives every seed's lines as split and trimmed", () => {
    for (const name of readdirSync(SEEDS)) same(readFileSync(join(SEEDS, name), "utf8"));
  });
  it("skips blank lines, trims every blank trim() trims, and ends lines at \\n only", () => {
    for (const t of ["", "\n\n", "  a  \n\t\n\u3000b\u3000c\u3000\r\n", "x\u2028y\n  \u2028 ", "末行无换行", "\ufeff标题\n"]) same(t);
    // (the source as given, not normalised, for the blanks only trim() knows)
    const raw = { ...sourceOf("x"), text: " a\u2028\r\n\u00a0b \u2029\n\ufeff\n" };
    expect(linesOf(raw).map((l) => [l.start, l.end, l.text])).toEqual(oracle(raw.text));
  });
});
