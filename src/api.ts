import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { RECORD_TYPES, type RecordOf, type RecordType } from "./generated/records.js";
import { readFailure, SUPPORTED_EXTENSIONS } from "./ingest/index.js";
import { checkOutPath, checkReplaceable, OutputError } from "./emit/atomic.js";
import { DatasetWriter } from "./emit/dataset.js";
import type { Tally } from "./emit/tally.js";
import type { ValidationIssue } from "./validate/schemas.js";
import { schemaColumns } from "./emit/fields.js";
import { VERSION } from "./version.js";
import { forEachInOrder } from "./parallel/pool.js";
import { pruneCache } from "./cache/cache.js";
import { emptyRecords, extractInput, outputOfInput, type InputFailure, type InputInfo, type InputResult, type Records } from "./pipeline/extract-input.js";

export { emptyRecords, extractInput, extractSource, type InputFailure, type InputInfo, type InputResult, type Records } from "./pipeline/extract-input.js";

const isInputName = (p: string) => (SUPPORTED_EXTENSIONS as readonly string[]).includes(extname(p).toLowerCase());

/**
 * Expand files and directories into a sorted list of input paths. A directory
 * gives its entries (hidden ones and sub-folders skipped; nested folders are not
 * walked); an entry that cannot be read (dangling link, a folder named like an
 * input file) stays in the list, so it is reported as a failed input.
 */
export async function listInputs(paths: readonly string[]): Promise<{ files: string[]; failures: InputFailure[] }> {
  const files: string[] = [];
  const failures: InputFailure[] = [];
  for (const p of paths) {
    let st;
    try { st = await stat(p); } catch (e) { failures.push({ file: basename(p), reason: readFailure(e) }); continue; }
    // a folder named like an input file (x.txt/) is a bad input, not a folder of inputs
    if (!st.isDirectory() || isInputName(p)) { files.push(p); continue; }
    let names: string[];
    try { names = (await readdir(p)).filter((n) => !n.startsWith(".")).sort(); } catch (e) {
      failures.push({ file: basename(p), reason: readFailure(e) }); continue;
    }
    let found = 0;
    for (const n of names) {
      const full = join(p, n);
      const isDir = await stat(full).then((s) => s.isDirectory(), () => false);
      if (isDir && !isInputName(n)) continue;
      files.push(full);
      found++;
    }
    if (!found) failures.push({ file: basename(p), reason: `no input files in this directory (${SUPPORTED_EXTENSIONS.join(", ")})` });
  }
  return { files, failures };
}

export interface ExtractResult {
  records: Records;
  inputs: InputInfo[];
  failures: InputFailure[];
  /** each input's review page (src/emit/review), by input name */
  reviews?: Record<string, string>;
}

export interface ExtractOptions {
  /** inputs above this many bytes fail with one line (default DEFAULT_MAX_INPUT_BYTES, 200 MB) */
  maxInputBytes?: number;
  /** worker threads for a build of several inputs: 1 (default) = all in this thread, 0 = one per core */
  threads?: number;
  /** incremental-build cache directory (src/cache/cache.ts); null or absent = no cache */
  cacheDir?: string | null;
  /** called as each input is done (the build's progress bar) */
  onInput?: (done: number, total: number) => void;
}

type Job = { path: string; types: readonly RecordType[]; maxInputBytes?: number; cacheDir: string | null; render: boolean };
type Done = Extract<InputResult, { ok: true }>;
type Result = { ok: true } | { ok: false; failure: InputFailure };

/**
 * Every input through `run` (in this thread) or the worker (src/parallel/extract-worker.ts,
 * the same work), each result handed to `use` in name order (the order of the
 * output) as soon as it is done; a bad input is reported and the rest go on.
 * Inputs are spread over worker threads and handed over in order, so the output
 * is the same bytes whatever the number of threads. Returns the failures, sorted
 * by file name.
 */
async function eachInput<R extends Result>(paths: readonly string[], types: readonly RecordType[], opts: ExtractOptions, render: boolean, run: (j: Job) => Promise<R>, use: (r: Extract<R, { ok: true }>) => void): Promise<InputFailure[]> {
  const { files, failures } = await listInputs(paths);
  const seen = new Set<string>();
  const jobs: Job[] = [];
  for (const path of files) {
    const name = basename(path);
    if (seen.has(name)) { failures.push({ file: name, reason: "duplicate file name: source_file would be ambiguous" }); continue; }
    seen.add(name);
    jobs.push({ path, types, maxInputBytes: opts.maxInputBytes, cacheDir: opts.cacheDir ?? null, render });
  }
  // output order is source_file order (src/emit/sort.ts): the inputs of several --in paths are interleaved into it
  const nameOf = (j: Job) => basename(j.path);
  jobs.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  await forEachInOrder(jobs, {
    worker: new URL("./parallel/worker-entry.js", import.meta.url),
    inline: run,
    crashed: (j, e) => ({ ok: false, failure: { file: basename(j.path), reason: `internal error: ${e.message}` } }) as R,
    threads: opts.threads,
    onDone: opts.onInput ? (done) => opts.onInput!(done, jobs.length) : undefined,
  }, (r) => { if (r.ok) use(r as Extract<R, { ok: true }>); else failures.push((r as { failure: InputFailure }).failure); });
  return failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Ingest and extract every input, handing each one's records to `use` in name order (see eachInput). */
export function forEachInput(paths: readonly string[], types: readonly RecordType[], opts: ExtractOptions, use: (r: Done) => void): Promise<InputFailure[]> {
  return eachInput(paths, types, opts, false, (j) => extractInput(j.path, j.types, j.maxInputBytes, j.cacheDir), use);
}

/** Every input's records, inputs and review pages at once, in output order (a library call; `build` streams instead). */
export async function extractInputs(paths: readonly string[], types: readonly RecordType[] = RECORD_TYPES, opts: ExtractOptions = {}): Promise<ExtractResult> {
  const records = emptyRecords();
  const inputs: InputInfo[] = [];
  const reviews: Record<string, string> = {};
  const failures = await forEachInput(paths, types, opts, (r) => {
    inputs.push(r.input);
    if (r.review !== undefined) reviews[r.input.name] = r.review.join("");
    for (const t of types) {
      const into = records[t] as unknown[];
      for (const rec of r.records[t]) into.push(rec);
    }
  });
  return { records, inputs, failures, reviews };
}

/** CSV columns of a type: the schema's properties, in schema order. */
export const columnsOf: (type: RecordType) => string[] = schemaColumns;

/** Name written into manifest.json; an output dir carrying it may be replaced by a new build. */
export const TOOL = "policy-extract";

export interface BuildOptions extends ExtractOptions {
  inputs: readonly string[];
  out: string;
  types?: readonly RecordType[];
  /** with `types`, allow replacing an output that holds other types (they are dropped) */
  dropOtherTypes?: boolean;
  /**
   * After a build that wrote its output, cache entries no build has used for this
   * many days are removed (0: every entry this build did not use). Default
   * DEFAULT_CACHE_MAX_AGE_DAYS; Infinity keeps them all.
   */
  cacheMaxAgeDays?: number;
}

/** A month: a weekly or monthly job of another configuration sharing the cache keeps its entries. */
export const DEFAULT_CACHE_MAX_AGE_DAYS = 30;
/** File times may be coarser than the clock (whole seconds on some file systems): an entry used by this build is never older than its start by more than this. */
const CLOCK_SLACK_MS = 2000;
export interface BuildResult {
  /** the records written, counted per input, type and document: the records themselves are in the output files */
  tally: Tally;
  inputs: InputInfo[];
  failures: InputFailure[];
  invalid: ValidationIssue[];
  written: boolean;
  counts: Record<string, number>;
  /** cache entries removed after the build as unused (cacheMaxAgeDays) */
  cachePruned?: { removed: number; bytes: number };
}

/**
 * A build of some types must not silently drop the other types a previous
 * build wrote into the same directory: refuse unless asked (dropOtherTypes).
 */
async function checkKeptTypes(out: string, types: readonly RecordType[]): Promise<void> {
  let manifest: { outputs?: Array<{ name: string }> };
  try { manifest = JSON.parse(await readFile(join(out, "manifest.json"), "utf8")); } catch { return; }
  const dropped = RECORD_TYPES.filter((t) => !types.includes(t) && (manifest.outputs ?? []).some((o) => o.name === `${t}.json`));
  if (dropped.length) {
    throw new OutputError(out, `holds ${dropped.join(", ")} from a previous build, which --types ${types.join(",")} would drop: choose another --out, or pass --drop-other-types`);
  }
}

/**
 * Build a dataset directory: extract, validate every record against schemas/,
 * and write `<type>.json`, `<type>.csv`, the researcher outputs and
 * `manifest.json` atomically, each input's records as soon as it is done
 * (src/emit/dataset.ts), so memory does not grow with the dataset. An invalid
 * record fails the build and leaves the previous output untouched; so does a
 * build in which no input could be read. Throws OutputError when `out` is a file
 * or a directory this tool did not write.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const started = Date.now();
  const types = opts.types ?? RECORD_TYPES;
  // refuse a dangerous --out before reading anything
  checkOutPath(opts.out, opts.inputs);
  await checkReplaceable(opts.out, TOOL);
  if (!opts.dropOtherTypes) await checkKeptTypes(opts.out, types);
  const writer = await DatasetWriter.open(opts.out, types, VERSION, columnsOf);
  try {
    const inputs: InputInfo[] = [];
    const invalid: ValidationIssue[] = [];
    const counts: Record<string, number> = Object.fromEntries(types.map((t) => [t, 0]));
    // each input validated and rendered where it was extracted (a worker thread, or here as it is written)
    const failures = await eachInput(opts.inputs, types, opts, true, (j) => outputOfInput(j.path, j.types, false, j.maxInputBytes, j.cacheDir), ({ output }) => {
      inputs.push(output.input as InputInfo);
      for (const t of types) counts[t]! += output.counts[t] ?? 0;
      for (const i of output.invalid) invalid.push(i);
      // once a record is invalid nothing will be published: stop writing, keep validating to report all
      if (!invalid.length) writer.addOutput(output);
    });
    const res: BuildResult = { tally: writer.tally, inputs, failures, invalid, written: false, counts };
    // nothing could be read: keep the previous output rather than publish an empty one
    if (invalid.length || !inputs.length) { await writer.abort(); return res; }
    // again, under the lock: a file saved into out/ during extraction is refused too
    await checkReplaceable(opts.out, TOOL);
    await writer.finish({ inputs, failures }, { tool: TOOL, version: VERSION });
    const maxAge = opts.cacheMaxAgeDays ?? DEFAULT_CACHE_MAX_AGE_DAYS;
    // every entry this build read was touched and every one it made is new: none of them is older than its start
    const cachePruned = opts.cacheDir && maxAge !== Infinity ? await pruneCache(opts.cacheDir, started - CLOCK_SLACK_MS - maxAge * 86_400_000) : undefined;
    return { ...res, written: true, ...(cachePruned ? { cachePruned } : {}) };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}

export { RECORD_TYPES, type RecordType, type RecordOf };
