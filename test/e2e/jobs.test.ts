import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputTree, ROOT, SEEDS } from "../helpers.js";

/** Issue 11: the same bytes with one worker thread or several (results are merged in input order). */
const base = mkdtempSync(join(tmpdir(), "jobs-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const build = (jobs: string) => {
  const out = join(base, `out-${jobs}`);
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "policy-extract.js"), "build", "--in", SEEDS, "--out", out, "--jobs", jobs], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return outputTree(out);
};

describe("--jobs", () => {
  it("1, 2 and one per core (0) write byte-identical outputs", () => {
    const one = build("1");
    expect(Object.keys(one).length).toBeGreaterThanOrEqual(13);
    expect(build("2")).toEqual(one);
    expect(build("0")).toEqual(one);
  }, 120_000);
});
