import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { flat, linesOf } from "../../src/structure/lines.js";
import { SEEDS, sourceOf } from "../helpers.js";

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
});
