import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { charClass, trimEndOf, trimStartOf, WHITESPACE } from "../../src/shared/char-class.js";
import { tabPage } from "../../src/structure/toc.js";

/**
 * The linear scans that replace regular expressions quadratic on long runs
 * (/[…]+$/ tries from every member of every run) must agree with them on any text.
 */
const text = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 40 }).map((a) => a.join(""));

describe("char classes and the scans built on them", () => {
  it("WHITESPACE is exactly what \\s matches in the BMP", () => {
    const ws = charClass(WHITESPACE);
    for (let c = 0; c < 0x10000; c++) expect(ws.has(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it("trimEndOf / trimStartOf agree with /[…]+$/ and /^[…]+/", () => {
    const cls = charClass(`${WHITESPACE}”"’』」`);
    fc.assert(fc.property(text(["”", "\"", " ", "\u3000", "」", "全", "覆", "盖", "。"]), (s) => {
      expect(trimEndOf(s, cls)).toBe(s.replace(/[\s”"’』」]+$/, ""));
      expect(trimStartOf(s, cls)).toBe(s.replace(/^[\s”"’』」]+/, ""));
    }), { numRuns: 2000 });
  });

  it("tabPage finds what /\\t\\s*\\d*\\s*$/ finds", () => {
    fc.assert(fc.property(text(["\t", " ", "\u3000", "1", "2", "意", "见", "."]), (s) => {
      expect(tabPage(s)).toBe(/\t\s*\d*\s*$/.exec(s)?.index ?? null);
    }), { numRuns: 5000 });
    expect(tabPage("关于促进经济发展的若干意见\t3")).toBe(13);
  });
});
