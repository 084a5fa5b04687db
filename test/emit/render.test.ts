import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { columnsOf } from "../../src/api.js";
import { DatasetWriter } from "../../src/emit/dataset.js";
import { inputOutput, packForTransfer, packWithin, renderedOutput, renderLayout, type InputOutput } from "../../src/emit/render.js";
import { memoryRows, packRows, sheetRows, toWorkbook, WorkbookBuilder, type PackedRows } from "../../src/emit/xlsx.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { VERSION } from "../../src/version.js";
import { outputTree, ROOT } from "../helpers.js";

/**
 * Issue 11: with worker threads, each input is rendered (and its text encoded)
 * in the worker that extracted it, and the writing thread only numbers rows and
 * writes. The files must be the bytes a single thread writes from the records.
 */
const OUT = join(ROOT, "out");
const records = Object.fromEntries(RECORD_TYPES.map((t) => [t, JSON.parse(readFileSync(join(OUT, `${t}.json`), "utf8"))])) as Record<string, Array<Record<string, unknown>>>;
const manifest = JSON.parse(readFileSync(join(OUT, "manifest.json"), "utf8")) as { inputs: Array<{ name: string; sha256: string; bytes: number }> };
const base = mkdtempSync(join(tmpdir(), "render-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** each seed input with its records, and a review page cut inside a pair of surrogates where a packed buffer ends */
const [HI, LO] = ["𠀀"[0]!, "𠀀"[1]!];
const inputs = manifest.inputs.map((input, k) => ({
  input,
  records: Object.fromEntries(RECORD_TYPES.map((t) => [t, records[t]!.filter((r) => r.source_file === input.name)])),
  review: ["<p>", "页".repeat((1 << 20) - k) + HI, LO + `第${k}页𠀀</p>\n`],
}));

/** a dataset written input by input: each file's sha256 */
async function write(name: string, add: (w: DatasetWriter, done: (typeof inputs)[number]) => void): Promise<Record<string, string>> {
  const out = join(base, name);
  const w = await DatasetWriter.open(out, RECORD_TYPES, VERSION, columnsOf);
  for (const done of inputs) add(w, done);
  await w.finish({ inputs: manifest.inputs, failures: [] }, { tool: "policy-extract", version: VERSION });
  return Object.fromEntries(Object.entries(outputTree(out)).map(([f, b]) => [f, createHash("sha256").update(b).digest("hex")]));
}

describe("an input rendered and packed in a worker", () => {
  it("writes the bytes of its records written in this thread: JSON and CSV as UTF-8 buffers, rows numbered on arrival, the review page in packed pieces", async () => {
    const layout = renderLayout(RECORD_TYPES, columnsOf);
    const here = await write("here", (w, done) => w.add(done));
    const moved = await write("moved", (w, done) => {
      const { output, transfer } = packForTransfer(renderedOutput(done, layout));
      // what postMessage does with the transfer list: the buffers move, and the copy received is what gets written
      w.addOutput(structuredClone(output, { transfer }) as InputOutput);
    });
    expect(Object.keys(here).length).toBeGreaterThanOrEqual(13);
    expect(moved).toEqual(here);
    // and both are the seeds' own dataset, but for the review pages made up here
    for (const t of RECORD_TYPES) expect(here[`${t}.json`], t).toBe(createHash("sha256").update(readFileSync(join(OUT, `${t}.json`))).digest("hex"));
  }, 60_000);

  it("moves every text it packs: nothing large is left to copy", () => {
    const done = inputs[1]!;
    const { output, transfer } = packForTransfer(renderedOutput(done, renderLayout(RECORD_TYPES, columnsOf)));
    const batches = Array.from(output.batches);
    expect(batches.length).toBeGreaterThan(0);
    structuredClone(output, { transfer });
    for (const b of batches) {
      expect(b.json).toBeInstanceOf(Uint8Array);
      expect((b.json as Uint8Array).byteLength, `${b.type} json moved`).toBe(0);
      expect((b.csv as Uint8Array).byteLength, `${b.type} csv moved`).toBe(0);
      expect((b.rows as PackedRows).utf16.byteLength, `${b.type} rows moved`).toBe(0);
    }
    for (const piece of output.review as Uint8Array[]) expect(piece.byteLength).toBe(0);
  });

  it("kept by the cache (V8's format, read back as views on one buffer) and used alone or from a worker: the same bytes; past the bound, rendered as read and not kept", async () => {
    const layout = renderLayout(RECORD_TYPES, columnsOf);
    const here = await write("here-2", (w, done) => w.add(done));
    const readBack = (o: InputOutput): InputOutput => deserialize(serialize(o)) as InputOutput;
    const cached = await write("cached", (w, done) => {
      const { output, whole } = packWithin(inputOutput(done, layout), 64 << 20);
      expect(whole).toBe(true);
      w.addOutput(readBack(output));
    });
    expect(cached).toEqual(here);
    // from a worker: bytes that share the entry's buffer are copied, not moved (moving one would move them all)
    const viaWorker = await write("cached-worker", (w, done) => {
      const { output, transfer } = packForTransfer(readBack(packWithin(inputOutput(done, layout), 64 << 20).output));
      // only the sheet rows, kept as text and packed now into buffers of their own, are moved
      const batches = Array.from(output.batches);
      expect(transfer).toHaveLength(batches.length);
      for (const b of batches) expect(transfer).toContain((b.rows as PackedRows).utf16.buffer);
      w.addOutput(structuredClone(output, { transfer }) as InputOutput);
    });
    expect(viaWorker).toEqual(here);
    // over the bound (a few batches' text): what was packed, then the rest rendered as it is read
    let partial = 0;
    const bounded = await write("bounded", (w, done) => {
      const { output, whole } = packWithin(inputOutput(done, layout), 20_000);
      if (!whole) { partial++; expect(Array.isArray(output.batches)).toBe(false); }
      w.addOutput(output);
    });
    expect(partial).toBeGreaterThan(0);
    expect(bounded).toEqual(here);
  }, 60_000);

  it("counts and validates an input where it is rendered: an invalid record is reported with its input", () => {
    const done = inputs[1]!;
    const bad = { ...done, records: { ...done.records, targets: [{ ...done.records.targets![0]!, value: "eighty" }] } };
    const o = inputOutput(bad, renderLayout(RECORD_TYPES, columnsOf));
    expect(o.counts.targets).toBe(1);
    expect(o.counts.projects).toBe(done.records.projects!.length);
    expect(o.invalid.length).toBeGreaterThan(0);
    expect(o.invalid[0]).toMatchObject({ type: "targets", source_file: done.input.name });
  });
});

describe("sheet rows rendered before their place is known", () => {
  it("get their numbers when added; a U+0000 in a cell stays an escaped character, never a row number", () => {
    const first = { ...records.targets![0]!, quote: "前\u0000后", indicator: "\u0000" };
    const targets = [first, ...records.targets!.slice(1, 3)];
    const book = unzipSync(toWorkbook({ version: VERSION, types: ["targets"], records: { targets }, inputs: manifest.inputs, failures: [] }));
    const sheet = Buffer.from(book["xl/worksheets/sheet1.xml"]!).toString("utf8");
    expect(sheet).not.toContain("\u0000");
    expect(sheet).toContain("前_x0000_后");
    const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)];
    expect(rows.map((m) => m[1])).toEqual(["1", "2", "3", "4"]);
    // every cell of a row names that row
    for (const [, r, cells] of rows) for (const [, ref] of cells!.matchAll(/<c r="([A-Z]+\d+)"/g)) expect(ref!.replace(/^[A-Z]+/, "")).toBe(r);
  });

  it("rows numbered where they are written and rows numbered on arrival make the same workbook", () => {
    const targets = [{ ...records.targets![0]!, quote: "前\u0000后𠀀" }, ...records.targets!.slice(1)];
    const meta = { version: VERSION, inputs: manifest.inputs, failures: [] };
    const bytes = (fill: (b: WorkbookBuilder) => void) => {
      const b = new WorkbookBuilder(["targets"], memoryRows);
      fill(b);
      const out: Uint8Array[] = [];
      b.finish(meta, (c) => out.push(c));
      return Buffer.concat(out);
    };
    // numbered at once (a single thread), batch by batch, as the dataset writer does
    const here = bytes((b) => { for (let i = 0; i < targets.length; i += 32) b.add("targets", targets.slice(i, i + 32)); });
    // rendered before their place is known (a worker, the cache): placeholders, numbered when added
    const moved = bytes((b) => { for (let i = 0; i < targets.length; i += 32) b.addRows("targets", sheetRows("targets", targets.slice(i, i + 32))); });
    expect(here.equals(moved)).toBe(true);
    // and packed to leave a worker (UTF-16 bytes, moved), made text again when added
    const packed = bytes((b) => { for (let i = 0; i < targets.length; i += 32) b.addRows("targets", structuredClone(packRows(sheetRows("targets", targets.slice(i, i + 32))))); });
    expect(here.equals(packed)).toBe(true);
    expect(here.equals(Buffer.from(toWorkbook({ version: VERSION, types: ["targets"], records: { targets }, inputs: manifest.inputs, failures: [] })))).toBe(true);
    // rows numbered for another place are refused, not written under the wrong numbers
    const b = new WorkbookBuilder(["targets"], memoryRows);
    expect(() => b.addRows("targets", sheetRows("targets", targets.slice(0, 2), 5))).toThrow(/numbered from 5/);
  });
});
