import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { RECORD_TYPES, type RecordType } from "../generated/records.js";

/**
 * Compare two build directories by record id (`policy-extract diff OLD NEW`):
 * which records appeared, vanished, or changed (field by field, old → new),
 * with counts per type and per input file. Ids are stable across runs and
 * edits elsewhere in a file (README, "Record ids"), so a changed field is a
 * changed reading of the same passage.
 */
type Rec = Record<string, unknown> & { id: string; source_file: string; source_line: number };

export interface FieldChange { field: string; old: unknown; new: unknown }
export interface Changed { type: RecordType; id: string; source_file: string; source_line: number; changes: FieldChange[] }
export interface Diff {
  added: Array<{ type: RecordType; record: Rec }>;
  removed: Array<{ type: RecordType; record: Rec }>;
  changed: Changed[];
  byType: Record<string, { added: number; removed: number; changed: number }>;
  byInput: Record<string, { added: number; removed: number; changed: number }>;
}

export class DiffInputError extends Error {}

async function readType(dir: string, type: RecordType): Promise<Rec[] | null> {
  let text: string;
  try { text = await readFile(join(dir, `${type}.json`), "utf8"); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new DiffInputError(`${join(dir, `${type}.json`)}: cannot read (${(e as NodeJS.ErrnoException).code})`);
  }
  try {
    const data = JSON.parse(text) as unknown;
    if (!Array.isArray(data)) throw new Error("not a JSON array");
    return data as Rec[];
  } catch (e) {
    throw new DiffInputError(`${join(dir, `${type}.json`)}: not a record array (${(e as Error).message})`);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A build directory to compare: it must exist and hold a manifest or at least one <type>.json. */
async function checkBuildDir(dir: string): Promise<void> {
  let names: string[];
  try { names = await readdir(dir); } catch (e) {
    throw new DiffInputError(`${dir}: not a readable directory (${(e as NodeJS.ErrnoException).code})`);
  }
  if (!names.includes("manifest.json") && !RECORD_TYPES.some((t) => names.includes(`${t}.json`))) {
    throw new DiffInputError(`${dir}: not a build directory (no manifest.json, no <type>.json)`);
  }
}

export async function diffBuilds(oldDir: string, newDir: string): Promise<Diff> {
  await checkBuildDir(oldDir);
  await checkBuildDir(newDir);
  const d: Diff = { added: [], removed: [], changed: [], byType: {}, byInput: {} };
  let found = 0;
  const bump = (type: string, file: string, k: "added" | "removed" | "changed") => {
    (d.byType[type] ??= { added: 0, removed: 0, changed: 0 })[k]++;
    (d.byInput[file] ??= { added: 0, removed: 0, changed: 0 })[k]++;
  };
  for (const type of RECORD_TYPES) {
    const [a, b] = await Promise.all([readType(oldDir, type), readType(newDir, type)]);
    if (!a && !b) continue;
    found++;
    const olds = new Map((a ?? []).map((r) => [r.id, r]));
    const news = new Map((b ?? []).map((r) => [r.id, r]));
    for (const [id, r] of news) {
      const o = olds.get(id);
      if (!o) { d.added.push({ type, record: r }); bump(type, r.source_file, "added"); continue; }
      const fields = [...new Set([...Object.keys(o), ...Object.keys(r)])];
      const changes = fields.filter((f) => !same(o[f], r[f])).map((f) => ({ field: f, old: o[f] ?? null, new: r[f] ?? null }));
      if (changes.length) { d.changed.push({ type, id, source_file: r.source_file, source_line: r.source_line, changes }); bump(type, r.source_file, "changed"); }
    }
    for (const [id, r] of olds) if (!news.has(id)) { d.removed.push({ type, record: r }); bump(type, r.source_file, "removed"); }
  }
  if (!found) throw new DiffInputError(`neither ${oldDir} nor ${newDir} holds any <type>.json`);
  const order = (x: { source_file: string; source_line: number; id: string }, y: typeof x) =>
    x.source_file < y.source_file ? -1 : x.source_file > y.source_file ? 1 : x.source_line - y.source_line || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  d.added.sort((x, y) => order(x.record, y.record));
  d.removed.sort((x, y) => order(x.record, y.record));
  d.changed.sort(order);
  return d;
}

export const isEmpty = (d: Diff) => !d.added.length && !d.removed.length && !d.changed.length;

const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
const label = (r: Rec) => String(r.name || r.indicator || r.beneficiary || r.title || r.quote || "").slice(0, 60);

function summaryRows(d: Diff): string[][] {
  return [
    ...Object.entries(d.byType).sort().map(([t, c]) => [`type ${t}`, String(c.added), String(c.removed), String(c.changed)]),
    ...Object.entries(d.byInput).sort().map(([f, c]) => [`input ${f}`, String(c.added), String(c.removed), String(c.changed)]),
  ];
}

export function formatText(d: Diff): string {
  if (isEmpty(d)) return "no differences\n";
  const out: string[] = [`${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`];
  for (const [what, a, r, c] of summaryRows(d)) out.push(`  ${what}: +${a} -${r} ~${c}`);
  for (const x of d.added) out.push(`+ ${x.type} ${x.record.id} ${x.record.source_file}:${x.record.source_line} ${label(x.record)}`);
  for (const x of d.removed) out.push(`- ${x.type} ${x.record.id} ${x.record.source_file}:${x.record.source_line} ${label(x.record)}`);
  for (const x of d.changed) {
    out.push(`~ ${x.type} ${x.id} ${x.source_file}:${x.source_line}`);
    for (const c of x.changes) out.push(`    ${c.field}: ${show(c.old)} → ${show(c.new)}`);
  }
  return out.join("\n") + "\n";
}

export function formatMarkdown(d: Diff): string {
  if (isEmpty(d)) return "No differences.\n";
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const out = [`**${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed**`, "", "| | added | removed | changed |", "|---|---|---|---|"];
  for (const row of summaryRows(d)) out.push(`| ${row.map(cell).join(" | ")} |`);
  if (d.added.length || d.removed.length) {
    out.push("", "| | type | record | where | what |", "|---|---|---|---|---|");
    for (const x of d.added) out.push(`| + | ${x.type} | ${x.record.id} | ${cell(`${x.record.source_file}:${x.record.source_line}`)} | ${cell(label(x.record))} |`);
    for (const x of d.removed) out.push(`| − | ${x.type} | ${x.record.id} | ${cell(`${x.record.source_file}:${x.record.source_line}`)} | ${cell(label(x.record))} |`);
  }
  if (d.changed.length) {
    out.push("", "| type | record | where | field | old | new |", "|---|---|---|---|---|---|");
    for (const x of d.changed) for (const c of x.changes) out.push(`| ${x.type} | ${x.id} | ${cell(`${x.source_file}:${x.source_line}`)} | ${c.field} | ${cell(show(c.old))} | ${cell(show(c.new))} |`);
  }
  return out.join("\n") + "\n";
}

export function formatJson(d: Diff): string {
  return JSON.stringify(d, null, 2) + "\n";
}
