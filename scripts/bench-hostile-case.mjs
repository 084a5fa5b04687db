#!/usr/bin/env node
// One hostile-input case of `npm run bench`, in its own process so its time and peak
// memory are its own: node scripts/bench-hostile-case.mjs CASE SIZE → one JSON line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

const ROOT = join(import.meta.dirname, "..");
const { ingestBytes } = await import(join(ROOT, "dist", "ingest", "index.js"));
const { extractSource } = await import(join(ROOT, "dist", "api.js"));

/** Each case: input bytes of about `size` units, the file name (its extension picks the reader). */
export const CASES = {
  "seeds, newlines removed (MB)": (mb) => {
    const dir = join(ROOT, "seeds");
    const all = readdirSync(dir).sort().map((n) => readFileSync(join(dir, n), "utf8")).join("").replace(/\n/g, "");
    const b = Buffer.from(all.repeat(Math.ceil((mb * (1 << 20)) / Buffer.byteLength(all))));
    return ["flat.txt", Buffer.from(b.subarray(0, mb * (1 << 20)).toString("utf8").replace(/\uFFFD+$/, ""))];
  },
  "达到 + 1,×N + 亿元 (k repeats)": (k) => ["counts.txt", Buffer.from(`达到${"1,".repeat(k * 1000)}亿元。`)],
  "对 + 100万元、×N + 企业给予一次性奖励 (k)": (k) => ["money.txt", Buffer.from(`对${"100万元、".repeat(k * 1000)}企业给予一次性奖励。`)],
  "建设 + G1至G2至…×N + 高速公路 (k)": (k) => ["roads.txt", Buffer.from(`建设${Array.from({ length: k * 1000 }, (_, i) => `G${i + 1}至`).join("")}G0高速公路。`)],
  // one article heading, then N paragraphs that continue its item (a policy list item of 10⁴ blocks)
  "第1条 + N paragraphs of one item (k)": (k) => ["item.txt", Buffer.from(`第1条 对企业给予奖励\n\n${"加快建设产业园区\n\n".repeat(k * 1000)}`)],
  // a 目录 whose last entry never gets its page number: the entry grows with every line read after it
  "目录 + an entry without page + N lines (k)": (k) => ["toc.txt", Buffer.from(`目录\n1.关于促进经济发展的若干意见\t3\n2.关于加快建设的实施意见\n${"推进重点项目建设工作\n".repeat(k * 1000)}`)],
  // one sentence of N comma clauses, each a target: every record quoting the whole sentence was quadratic output
  "到2025年，+ 粮食产量达到100万吨，×N (k)": (k) => ["clauses.txt", Buffer.from(`到2025年，${"粮食产量达到100万吨，".repeat(k * 1000)}。`)],
  // a qualitative value closing N nested quotations: trimming them with /[”…]+$/ was quadratic
  "推进“×N 十四五 ”×N 规划 (k)": (k) => ["quotes.txt", Buffer.from(`推进${"“".repeat(k * 1000)}十四五${"”".repeat(k * 1000)}规划。`)],
  // a 专栏 of N item headings each naming a work: each heading's body was tested against every draft (quadratic)
  "专栏 + N item headings naming works (k)": (k) => ["box.txt", Buffer.from(`专栏1 重大交通工程\n${Array.from({ length: k * 1000 }, (_, i) => `（一）第${i}号黄河大桥工程`).join("\n")}\n`)],
  "HTML nested N deep (k levels)": (k) => ["deep.html", Buffer.from(`<html><body>${"<div>".repeat(k * 1000)}正文${"</div>".repeat(k * 1000)}</body></html>`)],
};

const [name, size] = [process.argv[2], Number(process.argv[3])];
if (name?.startsWith("build: ")) {
  // the whole build of one such input: every output, the review page included, written to a temp dir
  const { mkdtempSync, rmSync, writeFileSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { build } = await import(join(ROOT, "dist", "api.js"));
  const [file, bytes] = CASES[name.slice("build: ".length)](size);
  const work = mkdtempSync(join(tmpdir(), "bench-hostile-"));
  writeFileSync(join(work, file), bytes);
  const t0 = performance.now();
  const res = await build({ inputs: [join(work, file)], out: join(work, "out") });
  const ms = performance.now() - t0;
  rmSync(work, { recursive: true, force: true });
  const n = Object.values(res.counts).reduce((a, c) => a + c, 0);
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), MB: +(bytes.length / (1 << 20)).toFixed(2), records: n, peak_rss_MB: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n");
} else if (name) {
  const [file, bytes] = CASES[name](size);
  const t0 = performance.now();
  const src = await ingestBytes(file, bytes);
  const { records } = extractSource(src);
  const ms = performance.now() - t0;
  const n = Object.values(records).reduce((a, r) => a + r.length, 0);
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), MB: +(bytes.length / (1 << 20)).toFixed(2), records: n, peak_rss_MB: Math.round(process.resourceUsage().maxRSS / 1024) }) + "\n");
}
