import { createHash } from "node:crypto";
import { basename } from "node:path";
import { cacheGet, cacheKey, cachePut } from "../cache/cache.js";
import { inputOutput, packWithin, renderedOutput, renderLayout, type InputOutput } from "../emit/render.js";
import { reviewOf } from "../emit/review/index.js";
import { compareRecords } from "../emit/sort.js";
import { EXTRACTORS } from "../extract/index.js";
import { finalize } from "../extract/record.js";
import { RECORD_TYPES, type RecordOf, type RecordType } from "../generated/records.js";
import { ingestBytes, InputError, readInput, type Source } from "../ingest/index.js";
import { releaseBytes } from "../ingest/release-bytes.js";
import { splitDocuments } from "../structure/documents.js";
import type { Doc } from "../structure/types.js";

/**
 * One input through the pipeline: bytes → Source (ingest) → documents
 * (structure) → records (extract, finalize), plus its review page and its
 * cache entry. Used in this thread by api.ts and in worker threads by
 * parallel/extract-worker.ts, so it sits below both.
 */

export type Records = { [T in RecordType]: RecordOf[T][] };
export interface InputFailure { file: string; reason: string }

export function emptyRecords(): Records {
  return Object.fromEntries(RECORD_TYPES.map((t) => [t, []])) as unknown as Records;
}

/** Structure + extract for one ingested source (pure: no I/O). */
export function extractSource(src: Source, types: readonly RecordType[] = RECORD_TYPES): { docs: Doc[]; records: Records } {
  const docs = splitDocuments(src);
  const records = emptyRecords();
  for (const doc of docs) {
    for (const t of types) {
      const drafts = (EXTRACTORS[t] as (d: Doc) => never[])(doc);
      { const into = records[t] as unknown[]; for (const r of finalize(t, doc, drafts)) into.push(r); }
    }
  }
  for (const t of types) (records[t] as RecordOf[RecordType][]).sort(compareRecords);
  return { docs, records };
}

export interface InputInfo { name: string; sha256: string; bytes: number; warnings?: string[] }

/** What one input file gave: its records, or the one-line reason it failed. */
export type InputResult =
  | { ok: true; records: Records; input: InputInfo; review?: string[] }
  | { ok: false; failure: InputFailure };

/** Ingest and extract one input's bytes (no cache); its review page is made as it is read. */
async function extractBytes(name: string, bytes: Uint8Array, types: readonly RecordType[]): Promise<{ records: Records; input: InputInfo; review: Iterable<string> }> {
  // hashed first: then nothing needs the bytes after ingest, and a large input's bytes go before it is extracted
  const input: InputInfo = { name, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length };
  const src = await ingestBytes(name, bytes);
  await releaseBytes(bytes); // this frame lives on through extraction
  const { records } = extractSource(src, types);
  if (src.warnings?.length) input.warnings = [...src.warnings];
  const review = reviewOf(src, records as unknown as Record<string, Record<string, unknown>[]>, types);
  return { records, input, review };
}

/** A failure's one line: an unreadable input says why, anything else is an internal error. */
function failureOf(name: string, e: unknown): InputFailure {
  if (e instanceof InputError) return { file: e.file, reason: e.reason };
  return { file: name, reason: `internal error: ${(e as Error).message}` };
}

/** Read, ingest and extract one input file. Never throws: a bad input becomes its failure. */
export async function extractInput(path: string, types: readonly RecordType[] = RECORD_TYPES, maxInputBytes?: number, cacheDir?: string | null): Promise<InputResult> {
  const name = basename(path);
  try {
    const bytes = await readInput(path, maxInputBytes);
    const key = cacheDir ? cacheKey(name, bytes, types, "records") : "";
    if (cacheDir) {
      const hit = await cacheGet<{ records: Records; input: InputInfo; review?: string[] }>(cacheDir, key);
      if (hit) return { ok: true, records: hit.records, input: hit.input, review: hit.review };
    }
    const { records, input, review } = await extractBytes(name, bytes, types);
    const done = { records, input, review: Array.from(review) };
    if (cacheDir) await cachePut(cacheDir, key, done);
    return { ok: true, ...done };
  } catch (e) {
    return { ok: false, failure: failureOf(name, e) };
  }
}

/** What one input gave a build: its output (src/emit/render.ts), or the one-line reason it failed. */
export type OutputResult =
  | { ok: true; output: InputOutput }
  | { ok: false; failure: InputFailure };

/**
 * The most text (in characters) of one input's output the cache keeps: past it
 * the output is rendered as it is written, as without a cache, and not kept.
 */
export const CACHED_OUTPUT_MAX_CHARS = 32 << 20;

/**
 * Read, ingest, extract and render one input file for a build. `whole`: render
 * every batch now (a worker thread's result, passed to the writing thread);
 * otherwise they are rendered as the writer reads them. With a cache, the
 * rendered output is what is kept: an unchanged input then costs its reading
 * and writing only, neither extraction nor rendering nor validation (a cached
 * output is one that was validated). Never throws.
 */
export async function outputOfInput(path: string, types: readonly RecordType[], whole: boolean, maxInputBytes?: number, cacheDir?: string | null): Promise<OutputResult> {
  const name = basename(path);
  try {
    const bytes = await readInput(path, maxInputBytes);
    const key = cacheDir ? cacheKey(name, bytes, types, "output") : "";
    if (cacheDir) {
      const hit = await cacheGet<InputOutput>(cacheDir, key);
      if (hit) return { ok: true, output: hit };
    }
    const done = await extractBytes(name, bytes, types);
    const layout = renderLayout(types);
    if (!cacheDir) return { ok: true, output: whole ? renderedOutput(done, layout) : inputOutput(done, layout) };
    const packed = packWithin(inputOutput(done, layout), CACHED_OUTPUT_MAX_CHARS);
    if (packed.whole) await cachePut(cacheDir, key, packed.output);
    return { ok: true, output: packed.output };
  } catch (e) {
    return { ok: false, failure: failureOf(name, e) };
  }
}
