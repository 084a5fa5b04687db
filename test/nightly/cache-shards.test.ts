import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputTree, ROOT, SEED, SEEDS } from "../helpers.js";

/** Issue 10, points 4–5: the incremental cache, NDJSON streaming, and merging shards, on the real seeds. */
const BIN = join(ROOT, "bin", "policy-extract.js");
const base = mkdtempSync(join(tmpdir(), "cache-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const pe = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: base, input });
const tree = outputTree;
const entries = (d: string): string[] => readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

describe("incremental builds", () => {
  const cache = join(base, "cache");
  const scratch = join(base, "scratch");

  it("with or without the cache, cold or warm: the same bytes", () => {
    expect(pe(["build", "--in", SEEDS, "--out", scratch, "--no-cache"]).status).toBe(0);
    expect(pe(["build", "--in", SEEDS, "--out", join(base, "cold"), "--cache-dir", cache]).status).toBe(0);
    expect(entries(cache)).toHaveLength(5);
    expect(pe(["build", "--in", SEEDS, "--out", join(base, "warm"), "--cache-dir", cache]).status).toBe(0);
    // cached outputs read back by worker threads, then sent to the writing thread
    expect(pe(["build", "--in", SEEDS, "--out", join(base, "warm-jobs"), "--cache-dir", cache, "--jobs", "2"]).status).toBe(0);
    expect(entries(cache)).toHaveLength(5);
    expect(tree(join(base, "cold"))).toEqual(tree(scratch));
    expect(tree(join(base, "warm"))).toEqual(tree(scratch));
    expect(tree(join(base, "warm-jobs"))).toEqual(tree(scratch));
  }, 300_000); // three whole builds in child processes: a busy CI machine needs more than the default minute

  it("a damaged or foreign cache entry is ignored: it never changes the output", () => {
    const files = entries(cache).sort();
    writeFileSync(files[0]!, readFileSync(files[0]!).subarray(0, 500)); // truncated
    // altered, header and checksum kept: a 的 of its text (UTF-16 in the payload) made 地
    const e1 = readFileSync(files[1]!);
    const at = e1.indexOf(Buffer.from("的", "utf16le"));
    expect(at).toBeGreaterThan(0);
    e1.write("地", at, "utf16le");
    writeFileSync(files[1]!, e1);
    writeFileSync(files[2]!, readFileSync(files[3]!)); // another input's entry under this key
    // and one whose payload is not V8's format at all, under a header that matches it
    const head = readFileSync(files[4]!).subarray(0, readFileSync(files[4]!).indexOf(0x0a) + 1).toString("latin1").split(" ");
    const junk = Buffer.from("not a serialized value");
    head[4] = createHash("sha256").update(junk).digest("hex");
    head[5] = `${junk.length}\n`;
    writeFileSync(files[4]!, Buffer.concat([Buffer.from(head.join(" "), "latin1"), junk]));
    expect(pe(["build", "--in", SEEDS, "--out", join(base, "after-damage"), "--cache-dir", cache]).status).toBe(0);
    expect(tree(join(base, "after-damage"))).toEqual(tree(scratch));
  }, 300_000); // a whole build in a child process: timed out at the default minute on a machine at load 5-7
});

describe("cache pruning (a nightly job's disk)", () => {
  it("after a build, entries no build used for --cache-max-age days go; used ones and files the cache did not write stay", () => {
    const cache = join(base, "prune");
    expect(pe(["build", "--in", SEEDS, "--out", join(base, "p1"), "--cache-dir", cache, "--quiet"]).status).toBe(0);
    const used = entries(cache).sort();
    expect(used).toHaveLength(5);
    const daysAgo = (f: string, d: number) => { const t = new Date(Date.now() - d * 86_400_000); utimesSync(f, t, t); };
    // an entry of an older version (same format, another key), last used 40 days ago
    const plant = (key: string, from: string, age: number) => {
      const f = join(cache, key.slice(0, 2), `${key}.bin`);
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, readFileSync(from));
      daysAgo(f, age);
      return f;
    };
    const stale = plant("ab" + "1".repeat(62), used[0]!, 40);
    const recent = plant("cd" + "2".repeat(62), used[1]!, 3);
    // a used entry 40 days old: this build reads it, which makes it new again
    daysAgo(used[2]!, 40);
    // files this cache did not write, however old: a name it would give but not its magic, and another name
    const foreign = join(cache, "ef", `ef${"3".repeat(62)}.bin`);
    mkdirSync(dirname(foreign), { recursive: true });
    writeFileSync(foreign, "someone else's data\n");
    const notes = join(cache, "notes.txt");
    writeFileSync(notes, "kept\n");
    // an entry of the first cache format (<key>.json, a JSON object opening with its own key), and a
    // .json under such a name that does not open with its key (not this cache's)
    const firstFormat = (key: string, body: string) => {
      const f = join(cache, key.slice(0, 2), `${key}.json`);
      mkdirSync(dirname(f), { recursive: true });
      writeFileSync(f, body);
      return f;
    };
    const oldKey = "ab" + "4".repeat(62);
    const oldEntry = firstFormat(oldKey, JSON.stringify({ key: oldKey, sha256: "0".repeat(64), payload: "{}" }));
    const foreignJson = firstFormat("ab" + "5".repeat(62), JSON.stringify({ key: oldKey, note: "a copy under another name" }));
    for (const f of [foreign, notes, oldEntry, foreignJson]) daysAgo(f, 400);

    const r = pe(["build", "--in", SEEDS, "--out", join(base, "p2"), "--cache-dir", cache]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/cache: removed 2 entries no build used for 30 day/);
    for (const f of [stale, oldEntry]) expect(existsSync(f), basename(f)).toBe(false);
    for (const f of [...used, recent, foreign, notes, foreignJson]) expect(existsSync(f), basename(f)).toBe(true);

    // 0 days: everything this build did not use goes, and still nothing foreign
    const z = pe(["build", "--in", SEEDS, "--out", join(base, "p3"), "--cache-dir", cache, "--cache-max-age", "0"]);
    expect(z.status).toBe(0);
    expect(existsSync(recent)).toBe(false);
    for (const f of [...used, foreign, notes, foreignJson]) expect(existsSync(f), basename(f)).toBe(true);
    expect(pe(["build", "--in", SEEDS, "--out", join(base, "p4"), "--cache-max-age", "-1"]).status).toBe(2);
  }, 300_000);
});

describe("streaming and shards", () => {
  it("extract --ndjson: one record per line with its record_type; - reads stdin", () => {
    const r = pe(["extract", "--ndjson", join(SEEDS, SEED.annual), join(SEEDS, SEED.news)]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n").map((l) => JSON.parse(l));
    const all = JSON.parse(pe(["extract", join(SEEDS, SEED.annual)]).stdout);
    expect(lines.filter((l) => l.source_file === SEED.annual && l.record_type === "targets")).toHaveLength(all.targets.length);
    const s = pe(["extract", "--ndjson", "-", "--stdin-name", SEED.annual], readFileSync(join(SEEDS, SEED.annual), "utf8"));
    expect(s.stdout.split("\n")[0]).toBe(r.stdout.split("\n")[0]);
  });

  it("shards built by parallel processes (xargs -P, as GNU parallel would) and merged: the bytes of one build", () => {
    const shards = [[SEED.news, SEED.fyp], [SEED.west, SEED.compilation], [SEED.annual]].map((names, k) => {
      const d = join(base, `in-${k}`);
      mkdirSync(d);
      for (const n of names) cpSync(join(SEEDS, n), join(d, n));
      return d;
    });
    // the README's recipe, with xargs -P standing in for GNU parallel across hosts
    const sh = spawnSync("sh", ["-c", `printf '%s\\n' ${shards.map((d) => `'${d}'`).join(" ")} | xargs -P 3 -I{} node '${BIN}' build --in {} --out {}.out --no-cache`], { encoding: "utf8" });
    expect(sh.status, sh.stderr).toBe(0);
    const r = pe(["merge", ...shards.map((d) => `${d}.out`), "--out", join(base, "merged")]);
    expect(r.status, r.stderr).toBe(0);
    expect(pe(["build", "--in", SEEDS, "--out", join(base, "single"), "--no-cache"]).status).toBe(0);
    expect(tree(join(base, "merged"))).toEqual(tree(join(base, "single")));
  }, 300_000); // four whole builds in child processes, three at once

  it("merge refuses overlapping shards and changed files (exit 3, one line)", () => {
    const r = pe(["merge", `${join(base, "in-0")}.out`, `${join(base, "in-0")}.out`, "--out", join(base, "m2")]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/also in/);
    writeFileSync(join(`${join(base, "in-2")}.out`, "targets.json"), "[]\n");
    const c = pe(["merge", `${join(base, "in-0")}.out`, `${join(base, "in-2")}.out`, "--out", join(base, "m3")]);
    expect(c.status).toBe(3);
    expect(c.stderr).toMatch(/changed since the build/);
  });

  it("merge refuses a record of an input its shard does not list, even with the manifest's hashes made to match (exit 3, output kept)", () => {
    const forged = join(base, "forged");
    cpSync(`${join(base, "in-0")}.out`, forged, { recursive: true });
    const recs = JSON.parse(readFileSync(join(forged, "targets.json"), "utf8"));
    recs.push({ ...recs[0], source_file: "zz-not-listed.txt" });
    writeFileSync(join(forged, "targets.json"), JSON.stringify(recs, null, 2) + "\n");
    const m = JSON.parse(readFileSync(join(forged, "manifest.json"), "utf8"));
    m.outputs.find((o: { name: string }) => o.name === "targets.json").sha256 = createHash("sha256").update(readFileSync(join(forged, "targets.json"))).digest("hex");
    writeFileSync(join(forged, "manifest.json"), JSON.stringify(m, null, 2));
    const before = tree(join(base, "merged"));
    const r = pe(["merge", `${join(base, "in-1")}.out`, forged, "--out", join(base, "merged")]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/zz-not-listed\.txt, which is not an input of its manifest/);
    expect(tree(join(base, "merged"))).toEqual(before);
  });
});
