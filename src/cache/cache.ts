import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { VERSION } from "../version.js";

/**
 * The incremental-build cache (README, "Incremental builds"): what one input
 * gave (its records and manifest entry), stored under a key made of the input's
 * name and bytes, the tool version, the requested types, and a hash of the code,
 * rule data and schemas that made it. An unchanged input skips ingest and
 * extraction. Each entry carries its key and the sha256 of its payload: a
 * damaged, truncated or foreign entry is ignored (and rewritten), never used.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, "..", "..");

let rulesHashMemo: string | null = null;

/** sha256 over every file of the running code tree (dist/ or src/, with the data tables) and schemas/. */
export function rulesHash(): string {
  if (rulesHashMemo) return rulesHashMemo;
  const h = createHash("sha256");
  const roots = [join(HERE, ".."), join(ROOT, "schemas")];
  for (const root of roots) {
    const todo = [root];
    const files: string[] = [];
    while (todo.length) {
      const d = todo.pop()!;
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) todo.push(p);
        else if (/\.(?:js|cjs|ts|json)$/.test(e.name) && !e.name.endsWith(".d.ts")) files.push(p);
      }
    }
    for (const f of files.sort()) h.update(f.slice(root.length)).update("\0").update(readFileSync(f)).update("\0");
  }
  rulesHashMemo = h.digest("hex");
  return rulesHashMemo;
}

export function cacheKey(name: string, bytes: Uint8Array, types: readonly string[]): string {
  return createHash("sha256")
    .update(JSON.stringify({ tool: "policy-extract", version: VERSION, rules: rulesHash(), name, types }))
    .update("\0")
    .update(bytes)
    .digest("hex");
}

const entryPath = (dir: string, key: string) => join(dir, key.slice(0, 2), `${key}.json`);

/** The cached payload for `key`, or null when absent, damaged or not this key's. */
export async function cacheGet<T>(dir: string, key: string): Promise<T | null> {
  let text: string;
  try { text = await readFile(entryPath(dir, key), "utf8"); } catch { return null; }
  try {
    const e = JSON.parse(text) as { key?: string; sha256?: string; payload?: string };
    if (e.key !== key || typeof e.payload !== "string") return null;
    if (createHash("sha256").update(e.payload).digest("hex") !== e.sha256) return null;
    return JSON.parse(e.payload) as T;
  } catch {
    return null;
  }
}

/** Store a payload (written to a temp name, then renamed: a reader never sees half an entry). Best effort. */
export async function cachePut(dir: string, key: string, payload: unknown): Promise<void> {
  const p = entryPath(dir, key);
  const body = JSON.stringify(payload);
  const entry = JSON.stringify({ key, sha256: createHash("sha256").update(body).digest("hex"), payload: body });
  try {
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    await writeFile(tmp, entry);
    await rename(tmp, p);
  } catch {
    // a cache that cannot be written only costs time
  }
}
