import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { extractSubsidies } from "../../src/extract/subsidies.js";
import { finalize, finalizeDrafts, normalizeQuote } from "../../src/extract/record.js";
import { docOf, SEED, seedText } from "../helpers.js";

describe("finishing drafts (record.ts)", () => {
  // three subsidy sentences (seeds style) under two headings
  const doc = docOf([
    "一、支持企业发展",
    "对新认定的国家级专精特新企业给予50万元奖励。",
    "对新认定的自治区级专精特新企业给予20万元奖励。",
    "二、支持人才引进",
    "对引进的高层次人才给予10万元安家补贴。",
  ].join("\n"));
  const drafts = extractSubsidies(doc);
  it("records come in document order whatever order the drafts came in, with the same ids", () => {
    expect(drafts.length).toBeGreaterThanOrEqual(3);
    const forward = finalize("subsidies", doc, drafts);
    const backward = finalize("subsidies", doc, [...drafts].reverse());
    expect(backward).toEqual(forward);
    expect(forward.map((r) => r.section)).toEqual(["一、支持企业发展", "一、支持企业发展", "二、支持人才引进"].slice(0, forward.length));
  });
  it("keeps each record's own draft beside it", () => {
    const pairs = finalizeDrafts("subsidies", doc, [...drafts].reverse());
    for (const { record, draft } of pairs) expect(record.amount).toBe(draft.fields.amount);
    expect(pairs.map((p) => p.draft.at)).toEqual([...drafts.map((d) => d.at)].sort((a, b) => a - b));
  });
  it("drafts at one offset keep the order given, sorted or not (the sort is skipped when they come in order)", () => {
    const [a, b] = drafts;
    const tie = { ...b!, at: a!.at };
    const given = finalizeDrafts("subsidies", doc, [a!, tie, b!]).map((p) => p.draft);
    expect(given).toEqual([a, tie, b]);
    expect(finalizeDrafts("subsidies", doc, [tie, b!, a!]).map((p) => p.draft)).toEqual([tie, a, b]);
  });
  it("a quote is folded only when it holds whitespace folding changes: the same text as folding every one", () => {
    const fold = (q: string) => q.replace(/\s+/g, " ").trim();
    const cases = ["到2025年，粮食产量达到400亿斤。", "2.全员劳动生产率增长 (%) 5.4*", "a\tb", "a  b", " a", "a ", "\u3000\u3000一、总体要求", "第一行\n第二行", "", " ", "a\u00a0b"];
    for (const name of Object.values(SEED)) for (const line of seedText(name).split("\n")) cases.push(line);
    for (const q of cases) expect(normalizeQuote(q)).toBe(fold(q));
  });
  it("the ids do not change: the file, type, title, key and occurrence hashed as before", () => {
    const seen = new Map<string, number>();
    for (const { record: r, draft: d } of finalizeDrafts("subsidies", doc, drafts)) {
      const key = `${doc.source.file}\u0000subsidies\u0000${doc.info.title}\u0000${d.key ?? ""}\u0000${r.quote}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      expect(r.id).toBe(`sub_${createHash("sha256").update(`${key}\u0000${n}`).digest("hex").slice(0, 16)}`);
    }
  });
});
