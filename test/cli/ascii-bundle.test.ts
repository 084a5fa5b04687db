import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
// a build script (JavaScript): the bundles are made ASCII at build time
import { asciiOnly, escapePattern } from "../../scripts/ascii-bundle.mjs";
import { ROOT } from "../helpers.js";

/** A string literal in ASCII, as esbuild writes one. */
const literal = (s: string): string => JSON.stringify(s).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** The value of a script's last expression. */
const evaluate = (code: string): unknown => runInNewContext(code);

describe("the bundles are ASCII (scripts/ascii-bundle.mjs): the launcher reads them as Latin-1", () => {
  it("holds for both bundles `npm run build` made", () => {
    for (const f of ["cli.cjs", "worker.cjs"]) {
      const bytes = readFileSync(join(ROOT, "dist", f));
      expect(bytes.findIndex((b) => b > 0x7f), f).toBe(-1);
      // the bundle's own Chinese patterns are in it, escaped
      expect(bytes.toString("latin1")).toContain("\\u5E74");
    }
  });

  it("escapes the characters of patterns to escapes of the same characters, an identity escape included", () => {
    expect(escapePattern("[，,；;]年(?:底|末)")).toBe("[\\uFF0C,\\uFF1B;]\\u5E74(?:\\u5E95|\\u672B)");
    expect(escapePattern("\\年")).toBe("\\u5E74"); // \年 is 年 without the u flag
    expect(escapePattern("\\\\年")).toBe("\\\\\\u5E74"); // a backslash, then 年
  });

  it("keeps what each pattern matches, with or without the u flag, and rewrites comments only", () => {
    const code = [
      "// 年均增长 ≤ 5%",
      "/* 十四五 */ const list = [/^(?:到|至)?(\\d{4})年(?:底|末)?$/, /[\\u4e00-\\u9fff]{2}省/g, /😀+/u, /[😀a]/u, /\\年/, /名单/i];",
      `[list.map((r) => [r.source, r.flags]), [${["2025年底", "至2030年", "辽宁省", "😀😀", "😀", "a", "年", "名单"].map(literal).join(", ")}].map((s) => list.map((r) => { r.lastIndex = 0; return r.test(s); }))];`,
    ].join("\n");
    const out = asciiOnly(code);
    expect(/[^\x00-\x7f]/.test(out)).toBe(false);
    const [before, after] = [evaluate(code), evaluate(out)] as Array<[Array<[string, string]>, boolean[][]]>;
    expect(after[1]).toEqual(before[1]);
    expect(before[1].flat().filter(Boolean).length).toBeGreaterThan(8);
    expect(after[0].map(([, flags]) => flags)).toEqual(before[0].map(([, flags]) => flags));
    expect(out).toContain("// u5E74u5747");
  });

  it("stops the build on a character it cannot escape without changing the program (a raw template)", () => {
    expect(() => asciiOnly("const DATE = String.raw`(\\d{4})年`;")).toThrow(/cannot escape/);
    expect(asciiOnly("const a = 1;")).toBe("const a = 1;");
  });
});
