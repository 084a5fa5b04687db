import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADVERBS } from "../../../src/extract/projects/lexicon.js";
import { VERB_RUN_SOURCE, verbRunAt, verbRunOpening } from "../../../src/extract/projects/verb-run.js";
import { ROOT, SEEDS, seedText } from "../../helpers.js";

/** The hand matcher finds what the regular expression it replaces finds, in the same order. */
const RE = new RegExp(VERB_RUN_SOURCE, "g");
const ANCHORED = new RegExp(`^(?:${VERB_RUN_SOURCE})`);

function byRegex(s: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  RE.lastIndex = 0;
  for (let m = RE.exec(s); m; m = RE.exec(s)) out.push([m.index, m[0]]);
  return out;
}
function byHand(s: string): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (let m = verbRunAt(s, 0); m; m = verbRunAt(s, m.index + m.text.length)) out.push([m.index, m.text]);
  return out;
}

/** every line of the seeds and of the test corpus's sentences */
function lines(): string[] {
  const out: string[] = [];
  for (const f of readdirSync(SEEDS).filter((n) => n.endsWith(".txt"))) for (const l of seedText(f).split("\n")) out.push(l);
  const corpus = JSON.parse(readFileSync(join(ROOT, "test", "corpus", "sentences.json"), "utf8")) as Record<string, { text: string }>;
  for (const { text } of Object.values(corpus)) out.push(text);
  return out;
}

describe("verb runs", () => {
  it("real sentences: the runs of 积极稳妥推进 and 加快建设", () => {
    expect(byHand("积极稳妥推进呼和浩特新机场建设，加快建设包银高铁")).toEqual(byRegex("积极稳妥推进呼和浩特新机场建设，加快建设包银高铁"));
    expect(byHand("加快建设包银高铁")[0]).toEqual([0, "加快建设"]);
  });

  it("the same runs as the regular expression on every line of the seeds and the test corpus, and on their every suffix opening", () => {
    let runs = 0;
    for (const l of lines()) {
      const want = byRegex(l);
      expect(byHand(l), l).toEqual(want);
      runs += want.length;
      for (let i = 0; i < l.length; i += 3) {
        const s = l.slice(i, i + 24);
        expect(verbRunOpening(s), s).toBe(ANCHORED.exec(s)?.[0] ?? null);
      }
    }
    expect(runs).toBeGreaterThan(1000);
  });

  it("no adverb opens another: the matcher takes the one adverb a position can open", () => {
    for (const a of ADVERBS) expect(ADVERBS.filter((b) => b !== a && b.startsWith(a)), a).toEqual([]);
  });

  it("more adverbs in a row than a run takes: the run starts where at most three precede the verb", () => {
    const s = "要积极有序扎实切实推进";
    expect(byRegex(s)).toEqual([[3, "有序扎实切实推进"]]);
    expect(byHand(s)).toEqual(byRegex(s));
  });
});
