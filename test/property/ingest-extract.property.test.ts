import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractSource } from "../../src/api.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { ingestBytes, InputError } from "../../src/ingest/index.js";
import { validateRecords } from "../../src/validate/schemas.js";
import { seedText, SEED } from "../helpers.js";

/**
 * Property tests (issue 12): whatever bytes arrive, ingest either gives a Source
 * or one InputError, and everything extracted validates against schemas/.
 * Inputs: random bytes; random mixes of real seed clauses with digits,
 * punctuation and brackets; random HTML. Each property runs for a bounded time.
 */
const TIME = 8_000;
const clauses = [SEED.annual, SEED.west, SEED.fyp]
  .flatMap((s) => seedText(s).split(/(?<=[。；，])/))
  .filter((c) => c.trim().length > 3)
  .slice(0, 4000);
const noise = fc.constantFrom("1", "2025年", "50%", "3.5亿元", "（一）", "第十条", "、", "，", "。", "；", "“", "”", "（", "）", "〔", "〕", "—", "\n", "\t", " ", "不超过", "万元", "G", "S", "至", "专栏", "一、");
const textArb = fc.array(fc.oneof(fc.constantFrom(...clauses), noise), { minLength: 1, maxLength: 60 }).map((a) => a.join(""));
const tag = fc.constantFrom("div", "p", "table", "tr", "td", "span", "br", "h1", "li", "ul", "pre", "script", "style", "nav", "title");
const htmlArb = fc.array(fc.oneof(
  tag.map((t) => `<${t}>`), tag.map((t) => `</${t}>`), textArb, fc.constantFrom("<", ">", "&amp;", "&#x4e00;", '<div style="display:none">', "<!--", "-->"),
), { maxLength: 40 }).map((a) => `<html><body>${a.join("")}</body></html>`);

async function check(name: string, bytes: Uint8Array): Promise<void> {
  let src;
  try {
    src = await ingestBytes(name, bytes);
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(InputError);
    expect((e as InputError).reason).not.toContain("\n");
    return;
  }
  const { records } = extractSource(src);
  for (const t of RECORD_TYPES) expect(validateRecords(t, records[t])).toEqual([]);
}

describe("ingest + extract never throw and always validate", () => {
  it("random bytes as .txt, .html and .pdf", async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom(".txt", ".html", ".pdf"),
      (b, ext) => check(`r${ext}`, b)), { numRuns: 300, interruptAfterTimeLimit: TIME });
  });

  it("real seed clauses mixed with digits, punctuation and brackets", async () => {
    await fc.assert(fc.asyncProperty(textArb, (t) => check("mix.txt", Buffer.from(t))), { numRuns: 200, interruptAfterTimeLimit: TIME });
  });

  it("random HTML", async () => {
    await fc.assert(fc.asyncProperty(htmlArb, (h) => check("page.html", Buffer.from(h))), { numRuns: 150, interruptAfterTimeLimit: TIME });
  });
});
