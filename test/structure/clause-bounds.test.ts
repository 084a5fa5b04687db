import { describe, expect, it } from "vitest";
import { itemsOf } from "../../src/extract/subsidies/text.js";
import { clauseEnd, clauseStart, MAX_CLAUSE, periodsOf } from "../../src/structure/clauses.js";
import { docOf, SEED, seedText } from "../helpers.js";

/**
 * clauseStart/clauseEnd (their boundary tables) and periodsOf find their marks by native searches; the
 * rules they implement, written here as the scans by character they replaced, must give the same answers.
 */
const START = "，,；;。：:\n", END = "，,；;。\n";
function startByScan(text: string, i: number, from = 0): number {
  const at = Math.min(Math.max(i, 0), text.length);
  let b = -1;
  for (let k = at - 1; k >= 0; k--) if (START.includes(text[k]!)) { b = k; break; }
  return Math.max(from, i - MAX_CLAUSE, b + 1);
}
function endByScan(text: string, i: number, to = text.length): number {
  let b = text.length;
  for (let k = Math.min(Math.max(i, 0), text.length); k < text.length; k++) if (END.includes(text[k]!)) { b = k; break; }
  return Math.min(to, i + MAX_CLAUSE, b);
}
function periodsByScan(text: string) {
  const out: { period: { start: number; end: number; text: string }; parts: { start: number; end: number; text: string }[] }[] = [];
  let pStart = 0, partStart = 0;
  let parts: { start: number; end: number; text: string }[] = [];
  const flushPart = (end: number) => {
    if (end > partStart && /\S/.test(text.slice(partStart, Math.min(end, partStart + 2)) + text.slice(Math.max(partStart, end - 2), end)))
      parts.push({ start: partStart, end, text: text.slice(partStart, end) });
    partStart = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if ("；;".includes(c)) flushPart(i + 1);
    else if ("。！？\n".includes(c)) {
      flushPart(i + 1);
      if (parts.length) out.push({ period: { start: pStart, end: i + 1, text: text.slice(pStart, i + 1) }, parts });
      parts = [];
      pStart = i + 1;
    }
  }
  flushPart(text.length);
  if (parts.length) out.push({ period: { start: pStart, end: text.length, text: text.slice(pStart) }, parts });
  return out;
}

function agrees(text: string): void {
  const got: number[] = [], want: number[] = [];
  for (let i = -1; i <= text.length + 1; i++) {
    got.push(clauseStart(text, i), clauseStart(text, i, 3), clauseEnd(text, i), clauseEnd(text, i, 5));
    want.push(startByScan(text, i), startByScan(text, i, 3), endByScan(text, i), endByScan(text, i, 5));
  }
  // one comparison per text (an expect per position made this test take seconds)
  expect(got).toEqual(want);
  expect(periodsOf(text)).toEqual(periodsByScan(text));
}

describe("clause bounds and periods", () => {
  it("agree with a scan by character on every position of every item of the seeds", () => {
    let n = 0;
    for (const name of Object.values(SEED)) for (const item of itemsOf(docOf(seedText(name)))) { agrees(item.text); n++; }
    expect(n).toBeGreaterThan(1000);
  });

  it("agree at the edges: empty text, marks only, marks at both ends, a line break after 。, a clause over MAX_CLAUSE", () => {
    for (const t of ["", "，", "\n", "。\n", "；。", "对企业给予奖励", "，对企业；给予：奖励。", "一。\n\n二；三！四？", "a".repeat(MAX_CLAUSE + 10) + "，b"]) agrees(t);
  });
});
