import { describe, expect, it } from "vitest";
import { SEED, seedRecords, seedText } from "../helpers.js";

/**
 * 专栏24 综合立体交通网建设 of the 15th FYP (001): every railway, road and airport
 * item of the box must come out. The items are counted from the box's own text,
 * independently of the extractors: each list item is one 、/，/。-separated
 * segment of a body line, and the rail items agree with the count of rail head
 * words (铁路/高铁), the road items with the count of route codes.
 */
const lines = seedText(SEED.fyp).split("\n");
const boxStart = lines.findIndex((l) => /^专栏\s*24/.test(l.trim()));
const boxEnd = lines.findIndex((l, i) => i > boxStart && /^(?:第.{1,3}节|专栏\s*\d)/.test(l.trim()));

interface Part { heading: string; body: Array<{ line: number; text: string }> }
const parts: Part[] = [];
for (let i = boxStart + 1; i < boxEnd; i++) {
  const t = lines[i]!.trim();
  if (!t) continue;
  if (/^（[一二三四五六七八九十]）/.test(t)) parts.push({ heading: t, body: [] });
  else parts[parts.length - 1]!.body.push({ line: i + 1, text: t });
}
const partOf = (re: RegExp) => parts.filter((p) => re.test(p.heading));
const segments = (ps: Part[]) => ps.flatMap((p) => p.body.flatMap((b) => b.text.split(/[、，。]/).filter((x) => x.trim())));
const countOf = (ps: Part[], re: RegExp) => ps.flatMap((p) => p.body.flatMap((b) => b.text.match(re) ?? [])).length;
const linesOf = (ps: Part[]) => new Set(ps.flatMap((p) => p.body.map((b) => b.line)));

const rail = partOf(/铁路/);
const road = partOf(/公路|国省道/);
const air = partOf(/机场/);
const records = seedRecords(SEED.fyp);
const inLines = <T extends { source_line: number }>(rs: T[], ls: Set<number>) => rs.filter((r) => ls.has(r.source_line));
const squeeze = (s: string) => s.replace(/\s+/g, "").replace(/[一—]/g, "—");

describe("专栏24: every item of the box is in the output", () => {
  it("finds the box and its five parts", () => {
    expect(boxStart).toBeGreaterThan(0);
    expect(parts.map((p) => p.heading)).toEqual(["（一）高（快）速铁路", "（二）普速铁路和口岸铁路", "（三）高速公路", "（四）普通国省道", "（五）机场"]);
  });

  it("railways: one record per rail item (13), each named as written in the box", () => {
    const n = segments(rail).length;
    expect(countOf(rail, /铁路|高铁/g)).toBe(n);
    const got = inLines(records.railways, linesOf(rail));
    expect(got).toHaveLength(n);
    const boxText = squeeze(rail.flatMap((p) => p.body.map((b) => b.text)).join(""));
    for (const r of got) expect(boxText).toContain(squeeze(r.name));
  });

  it("highways: one record per road item (30); the codes are exactly the box's codes", () => {
    const n = segments(road).length;
    const codes = road.flatMap((p) => p.body.flatMap((b) => b.text.match(/[GS]\d{1,4}/g) ?? []));
    expect(codes).toHaveLength(n);
    const got = inLines(records.highways, linesOf(road));
    expect(got).toHaveLength(n);
    expect(got.map((r) => r.code).sort()).toEqual(codes.sort());
  });

  it("airports are not railways or highways", () => {
    const ls = linesOf(air);
    expect(inLines(records.railways, ls)).toEqual([]);
    expect(inLines(records.highways, ls)).toEqual([]);
  });

  // airports are the projects extractor's (sector aviation); checked once that extractor yields records
  it.skipIf(records.projects.length === 0)("airports: one aviation project per airport item (13)", () => {
    const n = segments(air).length;
    expect(n).toBe(13);
    const got = inLines(records.projects, linesOf(air)).filter((r) => r.sector === "aviation");
    expect(got).toHaveLength(n);
  });
});
