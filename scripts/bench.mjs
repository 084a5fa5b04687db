#!/usr/bin/env node
/**
 * Speed and memory benchmark (`npm run bench`, after `npm run build`). Speed
 * goals live here, never in unit tests. Reports, per stage (ingest =
 * decode + normalise, structure, extract + finalise for all types):
 *   - each seed file, and the whole seed build written to a temp dir;
 *   - a generated 10 MB input: the seeds concatenated until 10 MB;
 *   - a hostile 10 MB single line (digits, punctuation, 一, tabs);
 *   - the PDF and HTML fixtures.
 * Memory is the process's peak RSS after each case (it only grows).
 * Options: --json prints the results as JSON.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(import.meta.dirname, "..");
const dist = (p) => import(join(ROOT, "dist", p));
const [{ ingestBytes }, { splitDocuments }, { EXTRACTORS }, { finalize }, { build }] = await Promise.all([
  dist("ingest/index.js"), dist("structure/documents.js"), dist("extract/index.js"), dist("extract/record.js"), dist("api.js"),
]);

const MB = 1 << 20;
const rows = [];
const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function stages(label, name, bytes) {
  const t0 = performance.now();
  const src = await ingestBytes(name, bytes);
  const t1 = performance.now();
  const docs = splitDocuments(src);
  const t2 = performance.now();
  let records = 0;
  for (const doc of docs) for (const [type, ex] of Object.entries(EXTRACTORS)) records += finalize(type, doc, ex(doc)).length;
  const t3 = performance.now();
  rows.push({
    case: label, MB: +(bytes.length / MB).toFixed(2), ingest_ms: Math.round(t1 - t0), structure_ms: Math.round(t2 - t1),
    extract_ms: Math.round(t3 - t2), total_ms: Math.round(t3 - t0), MB_per_s: +((bytes.length / MB) / ((t3 - t0) / 1000)).toFixed(2),
    docs: docs.length, records, peak_rss_MB: peakMB(),
  });
}

const seedDir = join(ROOT, "seeds");
const seeds = readdirSync(seedDir).filter((n) => !n.startsWith(".")).sort();
// warm-up: module loading and JIT should not be charged to the first seed
await stages("warm-up", seeds[0], readFileSync(join(seedDir, seeds[0])));
rows.pop();

for (const n of seeds) await stages(n, n, readFileSync(join(seedDir, n)));

{
  const out = mkdtempSync(join(tmpdir(), "bench-"));
  const t0 = performance.now();
  const res = await build({ inputs: [seedDir], out: join(out, "out") });
  const ms = Math.round(performance.now() - t0);
  rows.push({ case: "build seeds/ (json, csv, workbook, codebook, review pages)", MB: +(seeds.reduce((a, n) => a + readFileSync(join(seedDir, n)).length, 0) / MB).toFixed(2), total_ms: ms, records: Object.values(res.counts).reduce((a, b) => a + b, 0), peak_rss_MB: peakMB() });
  rmSync(out, { recursive: true, force: true });
}

{
  const all = seeds.map((n) => readFileSync(join(seedDir, n), "utf8")).join("\n\n");
  const big = Buffer.from(all.repeat(Math.ceil((10 * MB) / Buffer.byteLength(all))));
  await stages("generated 10 MB (seeds repeated)", "big.txt", big);
}

{
  const unit = "2025 年，１２３。一二三\t\t  （一）第一章 十五五 ％ 国发〔2023〕16号 、；—1.5亿元 ";
  await stages("hostile 10 MB single line", "hostile.txt", Buffer.from(unit.repeat(Math.ceil((10 * MB) / Buffer.byteLength(unit)))));
}

for (const f of ["004_embedded.pdf", "004_cmap.pdf", "004_notice.html"]) {
  await stages(`fixture ${f}`, f, readFileSync(join(ROOT, "test", "fixtures", f)));
}

if (process.argv.includes("--json")) console.log(JSON.stringify(rows, null, 2));
else console.table(rows);

// Hostile inputs (issue 12): each size next to its double, each in its own process
// (time and peak memory its own). Linear means the double takes about twice as long.
{
  const { spawnSync } = await import("node:child_process");
  const caseScript = join(ROOT, "scripts", "bench-hostile-case.mjs");
  const sizes = {
    "seeds, newlines removed (MB)": [1, 2, 4],
    "达到 + 1,×N + 亿元 (k repeats)": [100, 200],
    "对 + 100万元、×N + 企业给予一次性奖励 (k)": [25, 50],
    "建设 + G1至G2至…×N + 高速公路 (k)": [100, 200],
    "第1条 + N paragraphs of one item (k)": [10, 20],
    "目录 + an entry without page + N lines (k)": [20, 40],
    "到2025年，+ 粮食产量达到100万吨，×N (k)": [20, 40],
    "推进“×N 十四五 ”×N 规划 (k)": [40, 80],
    "专栏 + N item headings naming works (k)": [16, 32],
    "HTML nested N deep (k levels)": [5, 10],
    // the whole build, review page and workbook included: each record quotes up to 1000 characters
    "build: 对 + 100万元、×N + 企业给予一次性奖励 (k)": [25, 50],
  };
  const hostile = [];
  for (const [name, list] of Object.entries(sizes)) {
    let prev = null;
    for (const size of list) {
      const r = spawnSync(process.execPath, [caseScript, name, String(size)], { encoding: "utf8" });
      const res = r.status === 0 ? JSON.parse(r.stdout) : { error: (r.stderr || "").trim().split("\n").pop() };
      hostile.push({ case: name, size, ...res, "×prev_time": prev && res.ms ? +(res.ms / prev).toFixed(2) : "" });
      prev = res.ms ?? null;
    }
  }
  if (process.argv.includes("--json")) console.log(JSON.stringify(hostile, null, 2));
  else { console.log("\nHostile inputs (each size next to its double; ×prev_time ≈ 2 is linear):"); console.table(hostile); }
}

// Incremental and sharded builds (issue 10): 1,000 small inputs (excerpts of the seeds with
// varied digits). Cold = empty cache; warm = the same inputs again (every one a cache hit);
// sharded = two halves built by two processes at once, then merged. All three write the same bytes.
{
  const { spawnSync } = await import("node:child_process");
  const { mkdirSync, writeFileSync, readdirSync: ls, readFileSync: rd } = await import("node:fs");
  const work = mkdtempSync(join(tmpdir(), "bench-inc-"));
  const texts = seeds.map((n) => readFileSync(join(seedDir, n), "utf8").slice(0, 3000));
  for (const half of ["a", "b"]) mkdirSync(join(work, `in-${half}`));
  for (let i = 0; i < 1000; i++) {
    const t = texts[i % texts.length].replace(/20(2\d)/g, (_, y) => `20${(Number(y) + (i % 7)) % 100}`);
    writeFileSync(join(work, `in-${i < 500 ? "a" : "b"}`, `doc_${String(i).padStart(4, "0")}.txt`), t);
  }
  mkdirSync(join(work, "all"));
  for (const half of ["a", "b"]) for (const n of ls(join(work, `in-${half}`))) writeFileSync(join(work, "all", n), rd(join(work, `in-${half}`, n)));
  const bin = join(ROOT, "bin", "policy-extract.js");
  const timed = (label, cmd) => {
    const t0 = performance.now();
    const r = spawnSync("sh", ["-c", cmd], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
    return { case: label, inputs: 1000, wall_ms: Math.round(performance.now() - t0) };
  };
  const inc = [
    timed("cold build (empty cache)", `node ${bin} build --in ${work}/all --out ${work}/cold --cache-dir ${work}/cache`),
    timed("warm build (all unchanged)", `node ${bin} build --in ${work}/all --out ${work}/warm --cache-dir ${work}/cache`),
    timed("2 shards in parallel + merge", `printf '%s\\n' ${work}/in-a ${work}/in-b | xargs -P 2 -I{} node ${bin} build --in {} --out {}.out --no-cache && node ${bin} merge ${work}/in-a.out ${work}/in-b.out --out ${work}/merged`),
  ];
  const files = (d) => ls(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(d.length + 1)).sort();
  const same = ["cold", "warm", "merged"].every((d) => files(join(work, d)).join() === files(join(work, "cold")).join()
    && files(join(work, d)).every((n) => rd(join(work, d, n)).equals(rd(join(work, "cold", n)))));
  for (const r of inc) r["vs cold"] = +(r.wall_ms / inc[0].wall_ms).toFixed(2);
  if (process.argv.includes("--json")) console.log(JSON.stringify({ incremental: inc, identical: same }, null, 2));
  else { console.log(`\nIncremental and sharded builds (outputs identical: ${same}):`); console.table(inc); }
  rmSync(work, { recursive: true, force: true });
}
