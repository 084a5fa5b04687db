import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Tally } from "../../src/emit/tally.js";
import { summaryTable } from "../../src/report/summary.js";
import { textWidth } from "../../src/shared/text-width.js";
import { ROOT, SEED, SEEDS } from "../helpers.js";

/** Issue 13, point 4: the build reports what it made, with a progress bar on a terminal only. */
const BIN = join(ROOT, "bin", "policy-extract.js");
const base = mkdtempSync(join(tmpdir(), "report-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const input = join(base, "in");
mkdirSync(input);
for (const n of [SEED.annual, SEED.west]) writeFileSync(join(input, n), readFileSync(join(SEEDS, n)));
writeFileSync(join(input, "空文件.txt"), "");

describe("the table at the end of a build", () => {
  it("records per type for each input and in total, aligned (Chinese names count two columns), failures last", () => {
    const t = summaryTable({
      types: ["targets", "railways"],
      tally: Tally.of(["targets", "railways"], { targets: [{ source_file: "规划.txt" }, { source_file: "规划.txt" }, { source_file: "a.txt" }], railways: [{ source_file: "a.txt" }] }),
      inputs: [{ name: "a.txt" }, { name: "规划.txt" }],
      failures: [{ file: "坏\n.pdf", reason: "corrupt" }],
    });
    const lines = t.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^input\s+targets\s+railways\s+total$/);
    expect(lines[2]).toMatch(/^a\.txt\s+1\s+1\s+2$/);
    expect(lines[3]).toMatch(/^规划\.txt\s+2\s+0\s+2$/);
    expect(lines[5]).toMatch(/^total \(2 inputs\)\s+3\s+1\s+4$/);
    expect(new Set(lines.slice(0, 6).map((l) => textWidth(l))).size).toBe(1); // every row as wide as the header
    expect(lines.slice(-2)).toEqual(["failed (1 input, not in the dataset):", "  坏\\x0a.pdf: corrupt"]);
  });
});

describe("build output", () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [BIN, "build", "--in", input, ...args], { encoding: "utf8" });

  it("not on a terminal: the table on stdout, failure and summary lines on stderr, no progress bar", () => {
    const r = run("--out", join(base, "o1"), "--no-cache");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^input\s+documents/);
    expect(r.stdout).toContain(SEED.annual);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("  空文件.txt: empty file");
    expect(r.stderr.split("\n")[0]).toBe("空文件.txt: empty file");
    expect(r.stdout + r.stderr).not.toMatch(/\u001b\[|extracting/);
  });

  it("--quiet prints nothing but errors", () => {
    const r = run("--out", join(base, "o2"), "--quiet", "--no-cache");
    expect([r.status, r.stdout, r.stderr]).toEqual([1, "", "空文件.txt: empty file\n"]);
    const ok = spawnSync(process.execPath, [BIN, "build", "--in", join(SEEDS, SEED.west), "--out", join(base, "o3"), "--quiet"], { encoding: "utf8" });
    expect([ok.status, ok.stdout, ok.stderr]).toEqual([0, "", ""]);
  });

  it("on a terminal (a pseudo-terminal from script(1)): a progress bar over the inputs, cleared before the table", () => {
    const cmd = `${process.execPath} ${BIN} build --in ${input} --out ${join(base, "o4")} --no-cache`;
    const r = spawnSync("script", ["-qec", cmd, "/dev/null"], { encoding: "utf8", timeout: 120_000 });
    expect(r.stdout).toMatch(/extracting .* \d\/3 inputs/);
    expect(r.stdout).toMatch(/input\s+documents/);
    const q = spawnSync("script", ["-qec", `${cmd} --quiet`, "/dev/null"], { encoding: "utf8", timeout: 120_000 });
    expect(q.stdout).not.toMatch(/extracting/);
  });
});
