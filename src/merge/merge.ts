import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkOutPath, checkReplaceable } from "../emit/atomic.js";
import { DatasetWriter } from "../emit/dataset.js";
import { fileSha256 } from "../emit/file-hash.js";
import { reviewPageName } from "../emit/review/index.js";
import { columnsOf, TOOL, type InputFailure, type InputInfo } from "../api.js";
import { RECORD_TYPES, type RecordType } from "../generated/records.js";
import { validateRecords } from "../validate/schemas.js";
import { VERSION } from "../version.js";
import { RecordReader } from "./record-reader.js";

/**
 * `policy-extract merge --out DIR SHARD…`: combine the build directories of
 * several shards (built on other processes or hosts from disjoint inputs) into
 * one dataset, with the same bytes as one build of all the inputs. Each shard
 * is checked first: written by this tool and version, every listed file
 * unchanged (sha256), no input in two shards, the same types; every record is
 * validated as it is read.
 *
 * Memory is bounded whatever the shards' sizes: a build writes each input's
 * records together and inputs in name order, so the inputs of all shards are
 * taken in name order and each one's records read from its shard's files
 * (src/merge/record-reader.ts) and handed to the same writer a build uses.
 */
export class MergeError extends Error {}

interface Manifest { tool?: string; version?: string; inputs: InputInfo[]; failures: InputFailure[]; outputs: Array<{ name: string; sha256: string }> }

interface Shard { dir: string; manifest: Manifest; readers: Map<RecordType, RecordReader> }

export interface MergeResult { inputs: InputInfo[]; failures: InputFailure[]; counts: Record<string, number> }

/** Read and check every shard's manifest and files; returns the shards and their common types. */
async function openShards(dirs: readonly string[]): Promise<{ shards: Shard[]; types: RecordType[] }> {
  const shards: Shard[] = [];
  let types: RecordType[] | null = null;
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    let m: Manifest;
    try { m = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")); } catch (e) {
      throw new MergeError(`${dir}: no readable manifest.json (${(e as Error).message})`);
    }
    if (m.tool !== TOOL) throw new MergeError(`${dir}: not a ${TOOL} build`);
    if (m.version !== VERSION) throw new MergeError(`${dir}: built by version ${m.version}, this is ${VERSION}: rebuild the shard`);
    const shardTypes = RECORD_TYPES.filter((t) => m.outputs.some((o) => o.name === `${t}.json`));
    if (types && shardTypes.join() !== types.join()) throw new MergeError(`${dir}: holds types ${shardTypes.join(",")}, other shards ${types.join(",")}`);
    types = shardTypes;
    for (const o of m.outputs) {
      const sha = fileSha256(join(dir, o.name));
      if (sha === null) throw new MergeError(`${dir}: ${o.name} listed in manifest.json but missing`);
      if (sha !== o.sha256) throw new MergeError(`${dir}: ${o.name} changed since the build (sha256)`);
    }
    for (const i of [...m.inputs.map((x) => x.name), ...m.failures.map((f) => f.file)]) {
      const other = seen.get(i);
      if (other) throw new MergeError(`${dir}: input ${i} is also in ${other}: shards must hold disjoint inputs`);
      seen.set(i, dir);
    }
    shards.push({ dir, manifest: m, readers: new Map(shardTypes.map((t) => [t, new RecordReader(join(dir, `${t}.json`))])) });
  }
  return { shards, types: types! };
}

/** The records of `input` of one type: the next run of its shard's file (records come grouped by input, in name order). */
function recordsOf(shard: Shard, t: RecordType, input: string): Record<string, unknown>[] {
  const reader = shard.readers.get(t)!;
  const out: Record<string, unknown>[] = [];
  try {
    while (reader.peek()?.source_file === input) out.push(reader.next()!);
  } catch (e) {
    throw new MergeError(`${shard.dir}: ${(e as Error).message}`);
  }
  const bad = validateRecords(t, out as never[]);
  if (bad.length) throw new MergeError(`${shard.dir}: ${bad.length} invalid ${t} record(s), first at ${bad[0]!.source_file}:${bad[0]!.source_line}: ${bad[0]!.message}`);
  return out;
}

export async function mergeBuilds(dirs: readonly string[], out: string): Promise<MergeResult> {
  if (!dirs.length) throw new MergeError("name at least one shard directory");
  checkOutPath(out, dirs);
  await checkReplaceable(out, TOOL);
  const { shards, types } = await openShards(dirs);
  // the same order a single build writes
  const owner = new Map<string, Shard>();
  for (const s of shards) for (const i of s.manifest.inputs) owner.set(i.name, s);
  const inputs = shards.flatMap((s) => s.manifest.inputs).sort((a, b) => (a.name < b.name ? -1 : 1));
  const failures = shards.flatMap((s) => s.manifest.failures).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const counts: Record<string, number> = Object.fromEntries(types.map((t) => [t, 0]));
  const writer = await DatasetWriter.open(out, types, VERSION, columnsOf);
  try {
    await checkReplaceable(out, TOOL);
    for (const input of inputs) {
      const shard = owner.get(input.name)!;
      const records: Record<string, Record<string, unknown>[]> = {};
      for (const t of types) { records[t] = recordsOf(shard, t, input.name); counts[t]! += records[t]!.length; }
      // an input's review page depends on that input alone: taken as the shard wrote it (its sha256 was checked)
      const page = reviewPageName(input.name);
      const review = shard.manifest.outputs.some((o) => o.name === page) ? readFileSync(join(shard.dir, page), "utf8") : undefined;
      writer.add({ input, records, review });
    }
    // every record belongs to an input its shard lists: one left over was not written by a build
    for (const s of shards) for (const t of types) {
      const left = s.readers.get(t)!.peek();
      if (left) throw new MergeError(`${s.dir}: ${t}.json holds a record of ${String(left.source_file)}, which is not an input of its manifest (or out of order)`);
    }
    await writer.finish({ inputs, failures }, { tool: TOOL, version: VERSION });
    return { inputs, failures, counts };
  } catch (e) {
    await writer.abort();
    throw e;
  }
}
