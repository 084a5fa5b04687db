import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { build } from "../../src/api.js";
import { main } from "../../src/cli.js";
import { outputTree, SEED, SEEDS } from "../helpers.js";

/**
 * Atomic output: a build that fails — an invalid record, or a write that dies
 * half-way — leaves the previous out/ whole and no temp dir behind. Failures
 * are injected by wrapping the real documents extractor and the CSV writer.
 */
const inject = vi.hoisted(() => ({ invalidRecord: false, failWriteAfter: -1, writes: 0 }));

vi.mock("../../src/extract/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/extract/index.js")>();
  const documents: typeof real.EXTRACTORS.documents = (doc) =>
    real.EXTRACTORS.documents(doc).map((d) => (inject.invalidRecord ? { ...d, fields: { ...d.fields, policy_level: "planet" as never } } : d));
  return { ...real, EXTRACTORS: { ...real.EXTRACTORS, documents } };
});

vi.mock("../../src/emit/csv.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/emit/csv.js")>();
  return {
    ...real,
    // the build appends each input's rows to <type>.csv as it goes (src/emit/dataset.ts)
    csvRows: (...args: Parameters<typeof real.csvRows>) => {
      if (inject.failWriteAfter >= 0 && inject.writes++ >= inject.failWriteAfter) throw new Error("ENOSPC: no space left on device (injected)");
      return real.csvRows(...args);
    },
  };
});

const base = mkdtempSync(join(tmpdir(), "e2e-atomic-"));
const out = join(base, "out");
const inputs = [join(SEEDS, SEED.annual), join(SEEDS, SEED.west)];
afterAll(() => rmSync(base, { recursive: true, force: true }));

const snapshot = () => Object.fromEntries(Object.entries(outputTree(out)).map(([n, b]) => [n, b.toString("utf8")]));
let before: Record<string, string>;

beforeAll(async () => {
  const res = await build({ inputs, out });
  expect(res.written).toBe(true);
  before = snapshot();
  expect(Object.keys(before)).toHaveLength(13 + 5); // + workbook, codebook, review index and the 2 inputs' pages
});
beforeEach(() => { inject.invalidRecord = false; inject.failWriteAfter = -1; inject.writes = 0; });

describe("a failing build leaves the previous output whole", () => {
  it("an invalid record: nothing is written, the previous out/ stays, no temp dir", async () => {
    inject.invalidRecord = true;
    const res = await build({ inputs, out });
    expect(res.written).toBe(false);
    expect(res.invalid.length).toBe(2);
    expect(res.invalid[0]!.message).toMatch(/policy_level/);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(base)).toEqual(["out"]);
  });

  it("the same through the CLI: exit 3, one line per invalid record naming type, file:line and the ajv message", async () => {
    inject.invalidRecord = true;
    const err: string[] = [];
    const code = await main(["build", "--in", ...inputs, "--out", out, "--no-cache"], { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(3);
    expect(err.join("")).toContain("invalid documents record at 002_236636c766a7cbd7.txt:1: /policy_level must be equal to one of the allowed values");
    expect(snapshot()).toEqual(before);
    expect(readdirSync(base)).toEqual(["out"]);
  });

  it("a write that fails half-way (disk full after 3 pieces of CSV): the error surfaces, the previous out/ stays, no temp dir", async () => {
    inject.failWriteAfter = 3;
    await expect(build({ inputs, out })).rejects.toThrow(/ENOSPC/);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(base)).toEqual(["out"]);
  });

  it("after the failures, a good build replaces the output again", async () => {
    const res = await build({ inputs: [join(SEEDS, SEED.annual)], out });
    expect(res.written).toBe(true);
    expect(JSON.parse(snapshot()["documents.json"]!)).toHaveLength(1);
    expect(readdirSync(base)).toEqual(["out"]);
  });
});
