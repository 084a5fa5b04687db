import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getPriority } from "node:os";
import { backgroundNice } from "../../src/parallel/background-priority.js";
import { ROOT } from "../helpers.js";

/**
 * Issue 11: a build in one thread lowers V8's compiler and collector threads below its
 * own (src/parallel/background-priority.ts); a build with worker threads leaves every
 * thread as it was. Read from the kernel (/proc/self/task/<tid>/stat, field 19: nice)
 * as the real CLI process exits.
 */
const base = mkdtempSync(join(tmpdir(), "priority-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const input = join(base, "in");
mkdirSync(input);
writeFileSync(join(input, "plan.txt"), "第一章 总则\n到2025年，全区地区生产总值达到2.5万亿元。\n");
// prints "main:<nice> others:<nice,nice,…>" on stderr when the process exits
const hook = join(base, "nice-at-exit.cjs");
writeFileSync(hook, `process.on("exit", () => {
  const fs = require("fs"); const others = []; let main = "";
  for (const t of fs.readdirSync("/proc/self/task")) {
    const nice = fs.readFileSync("/proc/self/task/" + t + "/stat", "utf8").split(") ")[1].split(" ")[16];
    if (Number(t) === process.pid) main = nice; else others.push(nice);
  }
  process.stderr.write("main:" + main + " others:" + others.join(",") + "\\n");
});`);

function nicesOf(jobs: string): { main: number; others: number[] } {
  const r = spawnSync(process.execPath, ["-r", hook, join(ROOT, "bin", "policy-extract.js"), "build", "--in", input, "--out", join(base, `out-${jobs}`), "--quiet", "--no-cache", "--jobs", jobs], { encoding: "utf8" });
  expect(r.status).toBe(0);
  const m = /main:(-?\d+) others:([-\d,]*)/.exec(r.stderr);
  expect(m).not.toBeNull();
  return { main: Number(m![1]), others: m![2] ? m![2].split(",").map(Number) : [] };
}

describe.runIf(process.platform === "linux")("thread priorities of a build", () => {
  it("in one thread: the main thread keeps its priority, V8's four platform threads (at least) are lowered", () => {
    const n = nicesOf("1");
    // the CLI inherits this process's priority (0, or more under `nice`)
    expect(n.main).toBe(getPriority());
    expect(backgroundNice(n.main)).toBeGreaterThan(n.main);
    expect(n.others.filter((x) => x === backgroundNice(n.main)).length).toBeGreaterThanOrEqual(4);
  });
  it("with worker threads: every thread as it was", () => {
    const n = nicesOf("2");
    expect(n.main).toBe(getPriority());
    expect(n.others.every((x) => x === n.main)).toBe(true);
  });
});
