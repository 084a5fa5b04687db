import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { extractSource } from "../../src/api.js";
import { RECORD_TYPES, type RecordType } from "../../src/generated/records.js";
import { ingestBytes } from "../../src/ingest/index.js";

/**
 * Record sets of one input in a form that can be compared across formats of
 * the same document: the fields named in `ignore` are dropped, and records are
 * ordered by content (the build orders records on one line by id, which
 * hashes the file name, so two formats would order them differently).
 */
export type RecordSets = Record<RecordType, string[]>;

export async function recordSets(path: string, ignore: readonly string[]): Promise<RecordSets> {
  const src = await ingestBytes(basename(path), readFileSync(path));
  const { records } = extractSource(src);
  const drop = new Set(ignore);
  return Object.fromEntries(RECORD_TYPES.map((t) => [t, (records[t] as unknown as Array<Record<string, unknown>>)
    .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).filter(([k]) => !drop.has(k)))))
    .sort()])) as RecordSets;
}

/** Records of `a` not in `b` and of `b` not in `a`, as multisets. */
export function difference(a: string[], b: string[]): { missing: string[]; extra: string[] } {
  const left = new Map<string, number>();
  for (const x of a) left.set(x, (left.get(x) ?? 0) + 1);
  const extra: string[] = [];
  for (const x of b) {
    const n = left.get(x) ?? 0;
    if (n) left.set(x, n - 1); else extra.push(x);
  }
  const missing: string[] = [];
  for (const [x, n] of left) for (let i = 0; i < n; i++) missing.push(x);
  return { missing, extra };
}
