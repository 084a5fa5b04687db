import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { columnsOf } from "../../src/api.js";
import { csvHeader, csvRows, toCsv } from "../../src/emit/csv.js";
import { DatasetWriter } from "../../src/emit/dataset.js";
import { jsonItems, toJson } from "../../src/emit/json.js";
import { toWorkbook } from "../../src/emit/xlsx.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { forEachInOrder } from "../../src/parallel/pool.js";
import { VERSION } from "../../src/version.js";
import { ROOT } from "../helpers.js";

/**
 * A build writes its dataset input by input (src/emit/dataset.ts) so memory does
 * not grow with the output; the bytes must be those of writing it whole.
 */
const OUT = join(ROOT, "out");
const records = Object.fromEntries(RECORD_TYPES.map((t) => [t, JSON.parse(readFileSync(join(OUT, `${t}.json`), "utf8"))])) as Record<string, Array<Record<string, unknown>>>;
const manifest = JSON.parse(readFileSync(join(OUT, "manifest.json"), "utf8"));

/** the records of one type cut into the pieces each input gives */
function byInput(recs: Array<Record<string, unknown>>): Array<Array<Record<string, unknown>>> {
  const pieces: Array<Array<Record<string, unknown>>> = [];
  for (const r of recs) {
    const last = pieces.at(-1);
    if (last && last[0]!.source_file === r.source_file) last.push(r); else pieces.push([r]);
  }
  return pieces;
}

describe("a dataset written input by input", () => {
  it("<type>.json pieces are the whole array's bytes, cut into runs of any length; an empty type is []", () => {
    for (const t of RECORD_TYPES) {
      const recs = records[t]!;
      for (const run of [1, 2, 7, 512]) {
        let text = "";
        for (let i = 0; i < recs.length; i += run) text += jsonItems(recs.slice(i, i + run), i === 0);
        text += recs.length ? "\n]\n" : "[]\n";
        expect(text, `${t} in runs of ${run}`).toBe(toJson(recs));
      }
      expect(toJson(recs), t).toBe(readFileSync(join(OUT, `${t}.json`), "utf8"));
    }
    expect(jsonItems([], true)).toBe("");
    expect(toJson([])).toBe("[]\n");
  });

  it("<type>.csv pieces are the whole file's bytes, a quoted multi-line cell included", () => {
    const hostile = { ...records.targets![0]!, quote: "第一行\r\n第二行,\"引号\"", value_text: "=1+1" };
    for (const t of RECORD_TYPES) {
      const recs = t === "targets" ? [...records[t]!, hostile] : records[t]!;
      const cols = columnsOf(t);
      const text = csvHeader(cols) + byInput(recs).map((p) => csvRows(cols, p)).join("");
      expect(text, t).toBe(toCsv(cols, recs));
    }
  });

  it("the workbook a build streamed through scratch files is the bytes of the one made in memory", () => {
    const book = toWorkbook({ version: VERSION, types: RECORD_TYPES, records, inputs: manifest.inputs, failures: manifest.failures });
    expect(Buffer.from(book).equals(readFileSync(join(OUT, "policy-extract.xlsx")))).toBe(true);
  });

  it("sheet rows held in memory, written to scratch files part way, or written there from the start: the same workbook", async () => {
    const base = mkdtempSync(join(tmpdir(), "dataset-"));
    try {
      const written: number[] = [];
      for (const most of [16 << 20, 300_000, 0]) {
        const out = join(base, `out-${most}`);
        const w = await DatasetWriter.open(out, RECORD_TYPES, VERSION, columnsOf, most);
        for (const input of manifest.inputs as Array<{ name: string }>) {
          w.add({ input: input as never, records: Object.fromEntries(RECORD_TYPES.map((t) => [t, records[t]!.filter((r) => r.source_file === input.name)])) });
        }
        // a sheet's scratch file is opened only when its rows (gathered 256 KiB at a time) go past what memory may hold
        const tmp = join(base, readdirSync(base).find((n) => n.startsWith(`.out-${most}-tmp-`))!, ".scratch");
        written.push(readdirSync(tmp).length);
        await w.finish({ inputs: manifest.inputs, failures: manifest.failures }, { tool: "policy-extract", version: VERSION });
        expect(readFileSync(join(out, "policy-extract.xlsx")).equals(readFileSync(join(OUT, "policy-extract.xlsx"))), `${most} bytes in memory`).toBe(true);
      }
      expect(written[0]).toBe(0);
      expect(written[1]).toBeGreaterThan(0);
      expect(written[2]).toBeGreaterThan(written[1]!);
    } finally { rmSync(base, { recursive: true, force: true }); }
  });
});

describe("forEachInOrder", () => {
  it("hands results over in job order however jobs finish, and holds a bounded number of them", async () => {
    const n = 200;
    const jobs = Array.from({ length: n }, (_, i) => i);
    let handed = 0, maxAhead = 0;
    const seen: number[] = [];
    await forEachInOrder(jobs, {
      worker: new URL("file:///nonexistent.ts"),
      // finishing times out of order: every 7th job is slow
      inline: async (i) => { maxAhead = Math.max(maxAhead, i - handed); await new Promise((r) => setTimeout(r, i % 7 === 0 ? 5 : 0)); return i * 2; },
      crashed: () => -1,
    }, (r, i) => { seen.push(r); expect(i).toBe(handed); handed++; });
    expect(seen).toEqual(jobs.map((i) => i * 2));
    expect(maxAhead).toBeLessThanOrEqual(16);
  });

  it("stops at the first error of the consumer and throws it", async () => {
    const used: number[] = [];
    await expect(forEachInOrder([1, 2, 3, 4, 5], { worker: new URL("file:///nonexistent.ts"), inline: async (i) => i, crashed: () => -1 }, (r) => {
      if (r === 3) throw new Error("disk full");
      used.push(r);
    })).rejects.toThrow("disk full");
    expect(used).toEqual([1, 2]);
  });
});
