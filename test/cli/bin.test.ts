import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERSION } from "../../src/version.js";
import { ROOT, SEED, SEEDS } from "../helpers.js";

/** The installed command as a process: compiled dist/, real exit codes, real stderr. */
const BIN = join(ROOT, "bin", "policy-extract.js");
const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: ROOT });
const base = mkdtempSync(join(tmpdir(), "bin-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does)");
});

describe("bin/policy-extract.js", () => {
  it("--help lists the three commands; --version prints the package version", () => {
    const h = cli("--help");
    expect(h.status).toBe(0);
    for (const c of ["build", "extract [files..]", "validate [dir]", "diff <old> <new>", "merge <shards..>"]) expect(h.stdout).toContain(`policy-extract ${c}`);
    const v = cli("--version");
    expect([v.status, v.stdout.trim()]).toEqual([0, VERSION]);
  });

  it("bad input next to a good one: exit 1, `FILE: reason` on stderr, no stack trace, the good file built", () => {
    writeFileSync(join(base, "empty.txt"), "");
    writeFileSync(join(base, "broken.pdf"), "%PDF-1.4\nbroken");
    const out = join(base, "out");
    const r = cli("build", "--in", join(base, "empty.txt"), join(base, "broken.pdf"), join(SEEDS, SEED.west), "--out", out);
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n").slice(0, 2)).toEqual(["broken.pdf: corrupt or truncated PDF (Invalid PDF structure.)", "empty.txt: empty file"]);
    expect(r.stderr).not.toMatch(/\s+at |Error/);
    expect(JSON.parse(readFileSync(join(out, "documents.json"), "utf8"))).toHaveLength(1);
  });

  it("usage error: exit 2", () => {
    const r = cli("build", "--types", "roads");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown type(s): roads");
  });

  it("a build killed at any moment leaves the previous output whole (old or new, never half)", async () => {
    const out = join(base, "killed");
    expect(cli("build", "--in", join(SEEDS, SEED.annual), "--out", out).status).toBe(0);
    const old = readFileSync(join(out, "manifest.json"), "utf8");
    for (const delay of [300, 900]) {
      const p = spawn(process.execPath, [BIN, "build", "--in", SEEDS, "--out", out], { cwd: ROOT, stdio: "ignore" });
      const exited = new Promise((r) => p.on("exit", r)); // listen now: the build may end before the kill
      await new Promise((r) => setTimeout(r, delay));
      p.kill("SIGKILL");
      await exited;
      const names = readdirSync(out).sort();
      expect(names).toHaveLength(16); // 6 types × (json, csv), manifest, codebook, workbook, review/
      const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
      for (const o of m.outputs) expect(existsSync(join(out, o.name))).toBe(true);
      expect([1, 5]).toContain(m.inputs.length);
      if (m.inputs.length === 1) expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(old);
    }
    // a later build cleans up what killed builds left behind
    expect(cli("build", "--in", join(SEEDS, SEED.annual), "--out", out).status).toBe(0);
    expect(readdirSync(base).filter((n) => n.includes("-tmp-"))).toEqual([]);
  });
});
