import { createHash } from "node:crypto";
import { readFile, readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { EXTRACTORS } from "./extract/index.js";
import { finalize } from "./extract/record.js";
import { RECORD_TYPES, type RecordOf, type RecordType } from "./generated/records.js";
import { ingestBytes, InputError, type Source } from "./ingest/index.js";
import { splitDocuments } from "./structure/documents.js";
import type { Doc } from "./structure/types.js";
import { AtomicDir } from "./emit/atomic.js";
import { toCsv } from "./emit/csv.js";
import { toJson } from "./emit/json.js";
import { compareRecords } from "./emit/sort.js";
import { loadSchema, validateRecords, type ValidationIssue } from "./validate/schemas.js";
import { VERSION } from "./version.js";

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
      (records[t] as unknown[]).push(...finalize(t, doc, drafts));
    }
  }
  for (const t of types) (records[t] as RecordOf[RecordType][]).sort(compareRecords);
  return { docs, records };
}

/** Expand files and directories into a sorted list of input paths (hidden files skipped). */
export async function listInputs(paths: readonly string[]): Promise<{ files: string[]; failures: InputFailure[] }> {
  const files: string[] = [];
  const failures: InputFailure[] = [];
  for (const p of paths) {
    let st;
    try { st = await stat(p); } catch { failures.push({ file: basename(p), reason: "no such file or directory" }); continue; }
    if (st.isDirectory()) {
      const names = (await readdir(p)).filter((n) => !n.startsWith(".")).sort();
      for (const n of names) if ((await stat(join(p, n))).isFile()) files.push(join(p, n));
    } else files.push(p);
  }
  return { files, failures };
}

export interface InputInfo { name: string; sha256: string; bytes: number }

export interface ExtractResult {
  records: Records;
  inputs: InputInfo[];
  failures: InputFailure[];
}

/** Ingest and extract every input; a bad input is reported and the rest go on. */
export async function extractInputs(paths: readonly string[], types: readonly RecordType[] = RECORD_TYPES): Promise<ExtractResult> {
  const { files, failures } = await listInputs(paths);
  const records = emptyRecords();
  const inputs: InputInfo[] = [];
  const seen = new Set<string>();
  for (const path of files) {
    const name = basename(path);
    if (seen.has(name)) { failures.push({ file: name, reason: "duplicate file name: source_file would be ambiguous" }); continue; }
    seen.add(name);
    try {
      let bytes: Uint8Array;
      try { bytes = await readFile(path); } catch (e) { throw new InputError(name, `cannot read (${(e as NodeJS.ErrnoException).code ?? "error"})`); }
      const src = await ingestBytes(name, bytes);
      const r = extractSource(src, types);
      for (const t of types) (records[t] as unknown[]).push(...r.records[t]);
      inputs.push({ name, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
    } catch (e) {
      if (e instanceof InputError) failures.push({ file: e.file, reason: e.reason });
      else failures.push({ file: name, reason: `internal error: ${(e as Error).message}` });
    }
  }
  for (const t of types) (records[t] as RecordOf[RecordType][]).sort(compareRecords);
  inputs.sort((a, b) => (a.name < b.name ? -1 : 1));
  failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { records, inputs, failures };
}

/** CSV columns of a type: the schema's properties, in schema order. */
export function columnsOf(type: RecordType): string[] {
  return Object.keys((loadSchema(type) as { properties: Record<string, unknown> }).properties);
}

export interface BuildOptions { inputs: readonly string[]; out: string; types?: readonly RecordType[] }
export interface BuildResult extends ExtractResult { invalid: ValidationIssue[]; written: boolean; counts: Record<string, number> }

/**
 * Build a dataset directory: extract, validate every record against schemas/,
 * then write `<type>.json`, `<type>.csv` and `manifest.json` atomically. An
 * invalid record fails the build and leaves the previous output untouched.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const types = opts.types ?? RECORD_TYPES;
  const res = await extractInputs(opts.inputs, types);
  const invalid = types.flatMap((t) => validateRecords(t, res.records[t]));
  const counts = Object.fromEntries(types.map((t) => [t, res.records[t].length]));
  if (invalid.length) return { ...res, invalid, written: false, counts };
  const dir = await AtomicDir.open(opts.out);
  try {
    const outputs: Array<{ name: string; sha256: string; records: number }> = [];
    const put = async (name: string, data: string, n: number) => {
      await dir.write(name, data);
      outputs.push({ name, sha256: createHash("sha256").update(data).digest("hex"), records: n });
    };
    for (const t of types) {
      const recs = res.records[t] as unknown as Record<string, unknown>[];
      await put(`${t}.json`, toJson(recs), recs.length);
      await put(`${t}.csv`, toCsv(columnsOf(t), recs), recs.length);
    }
    const manifest = {
      tool: "policy-extract",
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
  return { ...res, invalid, written: true, counts };
}

export { RECORD_TYPES, type RecordType, type RecordOf };
