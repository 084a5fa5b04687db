import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { Tally } from "../../src/emit/tally.js";
import { detach } from "../../src/shared/detach.js";
import { seedText, SEED } from "../helpers.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap growth (MB) while `keep` holds a title cut from each of 40 texts of 2 MB, the texts themselves dropped. */
function retainedMB(keep: (title: string, input: string) => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  const base = seedText(SEED.annual);
  for (let i = 0; i < 40; i++) {
    const text = (`${i}` + base).repeat(Math.ceil(1_000_000 / base.length)).slice(0, 1_000_000);
    keep(text.slice(100, 130), `input-${i}.txt`);
  }
  gc();
  return (process.memoryUsage().heapUsed - before) / 2 ** 20;
}

describe("the tally keeps counts, not its inputs' texts", () => {
  it("a document title cut from a 2 MB text does not keep the text alive", () => {
    const held: string[] = [];
    // the control: substrings kept as they are hold their whole texts (40 × 2 MB)
    expect(retainedMB((t) => held.push(t))).toBeGreaterThan(60);
    const tally = new Tally(["documents", "targets"]);
    expect(retainedMB((t, input) => tally.addInput({
      documents: [{ source_file: input, title: t, doc_title: t }],
      targets: [{ source_file: input, doc_title: t }],
    }))).toBeLessThan(10);
    expect([...tally.docsOf("input-0.txt").values()]).toEqual([[1, 1]]);
  });

  it("detach gives an equal string", () => {
    const s = seedText(SEED.annual).slice(10, 200);
    expect(detach(s)).toBe(s);
    expect(detach("")).toBe("");
  });
});
