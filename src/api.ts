import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { RECORD_TYPES, type RecordOf, type RecordType } from "./generated/records.js";
import { readFailure, SUPPORTED_EXTENSIONS } from "./ingest/index.js";
import { AtomicDir, checkOutPath, checkReplaceable, OutputError } from "./emit/atomic.js";
import { toCsv } from "./emit/csv.js";
import { toJson } from "./emit/json.js";
import { researcherOutputs } from "./emit/outputs.js";
import { compareRecords } from "./emit/sort.js";
import { loadSchema, validateRecords, type ValidationIssue } from "./validate/schemas.js";
import { VERSION } from "./version.js";
import { runInOrder } from "./parallel/pool.js";
import { emptyRecords, extractInput, type InputFailure, type InputInfo, type InputResult, type Records } from "./pipeline/extract-input.js";

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

/**
 * Ingest and extract every input; a bad input is reported and the rest go on.
 * Inputs are spread over worker threads and their results merged in input
 * order, so the output is the same bytes whatever the number of threads.
 */
export async function extractInputs(paths: readonly string[], types: readonly RecordType[] = RECORD_TYPES, opts: ExtractOptions = {}): Promise<ExtractResult> {
  const { files, failures } = await listInputs(paths);
  const records = emptyRecords();
  const inputs: InputInfo[] = [];
  const reviews: Record<string, string> = {};
  const seen = new Set<string>();
  const jobs: Array<{ path: string; types: readonly RecordType[]; maxInputBytes?: number; cacheDir: string | null }> = [];
  for (const path of files) {
    const name = basename(path);
    if (seen.has(name)) { failures.push({ file: name, reason: "duplicate file name: source_file would be ambiguous" }); continue; }
    seen.add(name);
    jobs.push({ path, types, maxInputBytes: opts.maxInputBytes, cacheDir: opts.cacheDir ?? null });
  }
  const results = await runInOrder(jobs, {
    worker: new URL("./parallel/extract-worker.js", import.meta.url),
    inline: (j) => extractInput(j.path, j.types, j.maxInputBytes, j.cacheDir),
    crashed: (j, e): InputResult => ({ ok: false, failure: { file: basename(j.path), reason: `internal error: ${e.message}` } }),
    threads: opts.threads,
    onDone: opts.onInput ? (done) => opts.onInput!(done, jobs.length) : undefined,
  });
  for (const r of results) {
    if (!r.ok) { failures.push(r.failure); continue; }
    inputs.push(r.input);
    if (r.review !== undefined) reviews[r.input.name] = r.review;
    for (const t of types) {
      const into = records[t] as unknown[];
      for (const rec of r.records[t]) into.push(rec);
    }
  }
  for (const t of types) (records[t] as RecordOf[RecordType][]).sort(compareRecords);
  inputs.sort((a, b) => (a.name < b.name ? -1 : 1));
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { records, inputs, failures, reviews };
}

/** CSV columns of a type: the schema's properties, in schema order. */
export function columnsOf(type: RecordType): string[] {
  return Object.keys((loadSchema(type) as { properties: Record<string, unknown> }).properties);
}

/** Name written into manifest.json; an output dir carrying it may be replaced by a new build. */
export const TOOL = "policy-extract";

export interface BuildOptions extends ExtractOptions {
  inputs: readonly string[];
  out: string;
  types?: readonly RecordType[];
  /** with `types`, allow replacing an output that holds other types (they are dropped) */
  dropOtherTypes?: boolean;
}
export interface BuildResult extends ExtractResult { invalid: ValidationIssue[]; written: boolean; counts: Record<string, number> }

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
 * then write `<type>.json`, `<type>.csv` and `manifest.json` atomically. An
 * invalid record fails the build and leaves the previous output untouched; so
 * does a build in which no input could be read. Throws OutputError when `out`
 * is a file or a directory this tool did not write.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const types = opts.types ?? RECORD_TYPES;
  // refuse a dangerous --out before reading anything
  checkOutPath(opts.out, opts.inputs);
  await checkReplaceable(opts.out, TOOL);
  if (!opts.dropOtherTypes) await checkKeptTypes(opts.out, types);
  const res = await extractInputs(opts.inputs, types, opts);
  const invalid = types.flatMap((t) => validateRecords(t, res.records[t]));
  const counts = Object.fromEntries(types.map((t) => [t, res.records[t].length]));
  if (invalid.length) return { ...res, invalid, written: false, counts };
  // nothing could be read: keep the previous output rather than publish an empty one
  if (!res.inputs.length) return { ...res, invalid, written: false, counts };
  await writeDataset(opts.out, types, res);
  return { ...res, invalid, written: true, counts };
}

/**
 * Write a dataset directory atomically (src/emit/atomic.ts): `<type>.json` and
 * `<type>.csv` for each type, then manifest.json. Shared by `build` and `merge`,
 * so a merge of shards writes the same bytes as one build of all the inputs.
 */
export async function writeDataset(out: string, types: readonly RecordType[], res: ExtractResult): Promise<void> {
  const dir = await AtomicDir.open(out);
  try {
    // again under the lock: a file saved into out/ during extraction is refused too
    await checkReplaceable(out, TOOL);
    const outputs: Array<{ name: string; sha256: string; records: number }> = [];
    const put = async (name: string, data: string | Uint8Array, n: number) => {
      await dir.write(name, data);
      outputs.push({ name, sha256: createHash("sha256").update(data).digest("hex"), records: n });
    };
    for (const t of types) {
      const recs = res.records[t] as unknown as Record<string, unknown>[];
      await put(`${t}.json`, toJson(recs), recs.length);
      await put(`${t}.csv`, toCsv(columnsOf(t), recs), recs.length);
    }
    for (const o of researcherOutputs(types, { ...res, version: VERSION })) await put(o.name, o.data, o.records);
    const manifest = {
      tool: TOOL,
      version: VERSION,
      inputs: res.inputs,
      failures: res.failures,
      outputs: outputs.sort((a, b) => (a.name < b.name ? -1 : 1)),
    };
    await dir.write("manifest.json", JSON.stringify(manifest, null, 2) + "\n");
    await dir.commit();
  } catch (e) {
    await dir.abort();
    throw e;
  }
}

export { RECORD_TYPES, type RecordType, type RecordOf };
