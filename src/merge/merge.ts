import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { checkOutPath, checkReplaceable } from "../emit/atomic.js";
import { compareRecords } from "../emit/sort.js";
import { reviewPageName } from "../emit/review/index.js";
import { emptyRecords, TOOL, writeDataset, type ExtractResult, type InputFailure, type InputInfo } from "../api.js";
import { RECORD_TYPES, type RecordOf, type RecordType } from "../generated/records.js";
import { validateRecords } from "../validate/schemas.js";
import { VERSION } from "../version.js";

/**
 * `policy-extract merge --out DIR SHARD…`: combine the build directories of
 * several shards (built on other processes or hosts from disjoint inputs) into
 * one dataset, with the same bytes as one build of all the inputs. Each shard
 * is checked first: written by this tool and version, every listed file
 * unchanged (sha256), every record valid, no input in two shards, the same types.
 */
export class MergeError extends Error {}

interface Manifest { tool?: string; version?: string; inputs: InputInfo[]; failures: InputFailure[]; outputs: Array<{ name: string; sha256: string }> }

export async function mergeBuilds(shards: readonly string[], out: string): Promise<ExtractResult> {
  if (!shards.length) throw new MergeError("name at least one shard directory");
  checkOutPath(out, shards);
  await checkReplaceable(out, TOOL);
  const res: ExtractResult = { records: emptyRecords(), inputs: [], failures: [], reviews: {} };
  let types: RecordType[] | null = null;
  const seen = new Map<string, string>();
  for (const shard of shards) {
    let m: Manifest;
    try { m = JSON.parse(await readFile(join(shard, "manifest.json"), "utf8")); } catch (e) {
      throw new MergeError(`${shard}: no readable manifest.json (${(e as Error).message})`);
    }
    if (m.tool !== TOOL) throw new MergeError(`${shard}: not a ${TOOL} build`);
    if (m.version !== VERSION) throw new MergeError(`${shard}: built by version ${m.version}, this is ${VERSION}: rebuild the shard`);
    const shardTypes = RECORD_TYPES.filter((t) => m.outputs.some((o) => o.name === `${t}.json`));
    if (types && shardTypes.join() !== types.join()) throw new MergeError(`${shard}: holds types ${shardTypes.join(",")}, other shards ${types.join(",")}`);
    types = shardTypes;
    for (const o of m.outputs) {
      const bytes = await readFile(join(shard, o.name)).catch(() => null);
      if (!bytes) throw new MergeError(`${shard}: ${o.name} listed in manifest.json but missing`);
      if (createHash("sha256").update(bytes).digest("hex") !== o.sha256) throw new MergeError(`${shard}: ${o.name} changed since the build (sha256)`);
    }
    for (const i of [...m.inputs.map((x) => x.name), ...m.failures.map((f) => f.file)]) {
      const other = seen.get(i);
      if (other) throw new MergeError(`${shard}: input ${i} is also in ${other}: shards must hold disjoint inputs`);
      seen.set(i, shard);
    }
    for (const t of shardTypes) {
      const recs = JSON.parse(await readFile(join(shard, `${t}.json`), "utf8")) as RecordOf[RecordType][];
      const bad = validateRecords(t, recs);
      if (bad.length) throw new MergeError(`${shard}: ${bad.length} invalid ${t} record(s), first at ${bad[0]!.source_file}:${bad[0]!.source_line}: ${bad[0]!.message}`);
      const into = res.records[t] as unknown[];
      for (const r of recs) into.push(r);
    }
    for (const i of m.inputs) res.inputs.push(i);
    // an input's review page depends on that input alone: taken as the shard wrote it (its sha256 was checked above)
    for (const i of m.inputs) {
      const page = reviewPageName(i.name);
      if (m.outputs.some((o) => o.name === page)) res.reviews![i.name] = await readFile(join(shard, page), "utf8");
    }
    for (const f of m.failures) res.failures.push(f);
  }
  // the same order a single build writes
  for (const t of types!) (res.records[t] as RecordOf[RecordType][]).sort(compareRecords);
  res.inputs.sort((a, b) => (a.name < b.name ? -1 : 1));
  res.failures.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  await writeDataset(out, types!, res);
  return res;
}
