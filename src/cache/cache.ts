import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { lstat, mkdir, open, readdir, readFile, rename, unlink, utimes, writeFile } from "node:fs/promises";
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

/** `kind`: what an entry holds, an input's records ("records") or its rendered output ("output"). */
export function cacheKey(name: string, bytes: Uint8Array, types: readonly string[], kind: "records" | "output"): string {
  return createHash("sha256")
    // the V8 version too: entries are V8's serialization format (node:v8), which a newer V8 may read differently
    .update(JSON.stringify({ tool: "policy-extract", version: VERSION, rules: rulesHash(), v8: process.versions.v8, kind, name, types }))
    .update("\0")
    .update(bytes)
    .digest("hex");
}

const entryPath = (dir: string, key: string) => join(dir, key.slice(0, 2), `${key}.bin`);

/**
 * An entry is one ASCII header line, then the payload in V8's serialization
 * format (node:v8, the structured clone of worker messages):
 *
 *     policy-extract cache 2 <key> <sha256 of the payload bytes> <payload bytes>\n<payload>
 *
 * V8's format, not JSON: a payload holds an input's records and its review page,
 * whose text JSON would escape (the page's embedded JSON twice over), and
 * reading it back was most of a warm rebuild (12 MB of inputs: 1.2 s of 3.9 s).
 * Deserializing is 5-6 times faster, and strings keep their Chinese as UTF-16.
 */
const MAGIC = "policy-extract cache 2";

/**
 * node:v8, loaded when an entry is first read or written: a build without the cache
 * (--no-cache) never loads it (with the modules it pulls in, a few million instructions
 * of every such start).
 */
const v8 = () => process.getBuiltinModule("node:v8");
const HEADER_MAX = 256;

/** The cached payload for `key`, or null when absent, damaged or not this key's. */
export async function cacheGet<T>(dir: string, key: string): Promise<T | null> {
  let buf: Buffer;
  try { buf = await readFile(entryPath(dir, key)); } catch { return null; }
  try {
    const nl = buf.subarray(0, HEADER_MAX).indexOf(0x0a);
    if (nl < 0) return null;
    const header = buf.subarray(0, nl).toString("latin1");
    if (!header.startsWith(`${MAGIC} `)) return null;
    const [gotKey, sha256, size] = header.slice(MAGIC.length + 1).split(" ");
    const payload = buf.subarray(nl + 1);
    if (gotKey !== key || Number(size) !== payload.length) return null;
    if (createHash("sha256").update(payload).digest("hex") !== sha256) return null;
    const value = v8().deserialize(payload) as T;
    // an entry's time is when a build last used it: what pruneCache goes by
    const now = new Date();
    await utimes(entryPath(dir, key), now, now).catch(() => {});
    return value;
  } catch {
    return null;
  }
}

/** Store a payload (written to a temp name, then renamed: a reader never sees half an entry). Best effort. */
export async function cachePut(dir: string, key: string, payload: unknown): Promise<void> {
  const p = entryPath(dir, key);
  try {
    const body = v8().serialize(payload);
    const header = Buffer.from(`${MAGIC} ${key} ${createHash("sha256").update(body).digest("hex")} ${body.length}\n`, "latin1");
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    await writeFile(tmp, [header, body]);
    await rename(tmp, p);
  } catch {
    // a cache that cannot be written only costs time
  }
}

/**
 * What cachePut names its files: <2 hex>/<64 hex>.bin, and the temp file of a write
 * cut short (<key>.bin.<pid>.tmp). The first cache (0.1.0 before e43d53c) wrote
 * <key>.json, a JSON object opening with its own key: no build reads those any more.
 */
const ENTRY_FILE = /^(([0-9a-f]{2})[0-9a-f]{62})\.(bin|json)(?:\.\d+\.tmp)?$/;
const SHARD_DIR = /^[0-9a-f]{2}$/;

/** The first bytes that make a file this cache's own: the magic, or for a first-format entry its key as JSON opens it. */
const headOf = (format: string, key: string) => Buffer.from(format === "bin" ? "policy-extract cache " : `{"key":"${key}"`, "latin1");

/**
 * Remove the entries no build has used since `unusedSince` (ms since the epoch;
 * a hit sets an entry's time, a write makes it): without this the cache grows by
 * about 9 times the inputs with every change of version, rules or inputs, and a
 * nightly job fills its disk. Only files this cache wrote go: an entry's name and
 * place as cachePut makes them, and its first bytes this cache's magic; anything
 * else in the folder stays whatever its age. One folder read at a time. Best
 * effort: what cannot be read or removed is left (it costs disk, never output).
 */
export async function pruneCache(dir: string, unusedSince: number): Promise<{ removed: number; bytes: number }> {
  const done = { removed: 0, bytes: 0 };
  let shards: string[];
  try { shards = (await readdir(dir)).filter((n) => SHARD_DIR.test(n)).sort(); } catch { return done; }
  for (const shard of shards) {
    let names: string[];
    try { names = await readdir(join(dir, shard)); } catch { continue; }
    for (const name of names.sort()) {
      const m = ENTRY_FILE.exec(name);
      if (!m || m[2] !== shard) continue;
      const p = join(dir, shard, name);
      try {
        const st = await lstat(p);
        if (!st.isFile() || st.mtimeMs >= unusedSince) continue;
        const want = headOf(m[3]!, m[1]!);
        const head = Buffer.alloc(want.length);
        const fh = await open(p, "r");
        try { await fh.read(head, 0, head.length, 0); } finally { await fh.close(); }
        if (!head.equals(want)) continue;
        await unlink(p);
        done.removed++;
        done.bytes += st.size;
      } catch {
        // gone meanwhile (another build pruning), or not ours to read: leave it
      }
    }
  }
  return done;
}
