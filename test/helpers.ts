import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { extractSource } from "../src/api.js";
import { normalize } from "../src/ingest/normalize.js";
import { sourceFromLines, type Source } from "../src/ingest/source.js";
import { makeDoc } from "../src/structure/documents.js";
import { linesOf } from "../src/structure/lines.js";
import type { Doc, DocumentInfo } from "../src/structure/types.js";
import corpusSentences from "./corpus/sentences.json" with { type: "json" };

export const ROOT = join(import.meta.dirname, "..");
export const SEEDS = join(ROOT, "seeds");
export const SEED = {
  news: "000_f466067bacc3816a.txt",
  fyp: "001_eae9586b61baa403.txt",
  west: "002_236636c766a7cbd7.txt",
  compilation: "003_17bb7473e1f3ef6c.txt",
  annual: "004_37e45ae1c4b0ca61.txt",
} as const;

export function seedText(name: string): string {
  return readFileSync(join(SEEDS, name), "utf8");
}

/**
 * A real sentence of the test corpus (test/corpus/sentences.json) by its id:
 * sentences live there with where they came from, so unit tests do not depend
 * on the seeds' line numbering.
 */
export function sentence(id: string): string {
  const s = (corpusSentences as Record<string, { text: string }>)[id];
  if (!s) throw new Error(`no sentence ${id} in test/corpus/sentences.json`);
  return s.text;
}

/** Original line `n` (1-based) of a seed file. */
export function seedLine(name: string, n: number): string {
  return seedText(name).split("\n")[n - 1] ?? "";
}

/** A normalised Source from literal text (lines are the text's own lines). */
export function sourceOf(text: string, file = "test.txt"): Source {
  return normalize(sourceFromLines(file, "txt", text));
}

/**
 * A one-document Doc from literal text, for extractor unit tests on real
 * sentences. `info` overrides the document facts (plan year, level …).
 */
export function docOf(text: string, info: Partial<DocumentInfo> = {}, file = "test.txt"): Doc {
  const src = sourceOf(text, file);
  return makeDoc(src, { start: 0, end: src.text.length }, {
    title: "测试文件", doc_number: null, issuer: null, date: null, policy_level: "region",
    region: "内蒙古自治区", region_code: "150000", plan_year: null, plan_period: null, titleSpan: { start: 0, end: Math.min(1, src.text.length) },
    ...info,
  }, linesOf(src));
}

/** Records of every type for a whole seed file, as the build produces them. */
export function seedRecords(name: string) {
  return extractSource(sourceOf(seedText(name), name)).records;
}

/** Every file of a built output directory (review/ pages included), by path relative to it, in name order. */
export function outputTree(dir: string): Record<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
  return Object.fromEntries(files.map((f) => [f, readFileSync(join(dir, f))]));
}
