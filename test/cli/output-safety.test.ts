import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { canExchange } from "../../src/emit/exchange.js";
import { ROOT, SEED, SEEDS } from "../helpers.js";

/**
 * Issue 12: a build never deletes what it did not write, there is no moment
 * without a whole output, signals and concurrent builds leave nothing behind,
 * and a write failure has its own exit code. All through the real command.
 */
const BIN = join(ROOT, "bin", "policy-extract.js");
const base = mkdtempSync(join(tmpdir(), "outsafe-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const run = (args: string[], cwd = base, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd, env: { ...process.env, ...env } });
const ONE = join(SEEDS, SEED.west);
const tree = (d: string) => readdirSync(d).sort();

describe("--out that must never be replaced: exit 2, nothing touched", () => {
  const work = join(base, "work");
  mkdirSync(join(work, "inputs"), { recursive: true });
  writeFileSync(join(work, "precious.txt"), "mine");
  cpSync(ONE, join(work, "inputs", SEED.west));
  const cases: Array<[string, string[], RegExp]> = [
    ["empty --out", ["--out", ""], /--out: is empty/],
    ["--out=", ["--out="], /--out: is empty/],
    ["the current directory", ["--out", "."], /is the current directory/],
    ["the current directory, spelt another way", ["--out", "inputs/.."], /is the current directory/],
    ["the file-system root", ["--out", "/"], /is the file-system root/],
    ["the home directory", ["--out", homedir()], /is the home directory|holds an input|is the current directory/],
    ["an input folder", ["--out", "inputs"], /is an input/],
    ["a parent of an input", ["--out", ".."], /holds an input|is the file-system root/],
  ];
  for (const [what, outArgs, msg] of cases) {
    it(what, () => {
      const r = run(["build", "--in", "inputs", ...outArgs], work);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split("\n")).toHaveLength(2); // the line and the --help hint
      expect(tree(work)).toEqual(["inputs", "precious.txt"]);
      expect(tree(join(work, "inputs"))).toEqual([SEED.west]);
    });
  }

  it("an input file named as --out", () => {
    const r = run(["build", "--in", join(work, "inputs", SEED.west), "--out", join(work, "inputs", SEED.west)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is an input/);
    expect(readFileSync(join(work, "inputs", SEED.west))).toEqual(readFileSync(ONE));
  });
});

describe("a previous output is replaced only when it holds nothing but its manifest's files", () => {
  it("a user's file saved inside out/ is named and kept; the build refuses with exit 2", () => {
    const out = join(base, "with-notes");
    expect(run(["build", "--in", ONE, "--out", out]).status).toBe(0);
    writeFileSync(join(out, "notes.txt"), "my notes");
    const r = run(["build", "--in", ONE, "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("holds 'notes.txt'");
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("my notes");
    rmSync(join(out, "notes.txt"));
    expect(run(["build", "--in", ONE, "--out", out]).status).toBe(0);
  });

  it("--types into an output holding other types is refused unless --drop-other-types", () => {
    const out = join(base, "types");
    expect(run(["build", "--in", ONE, "--out", out]).status).toBe(0);
    const r = run(["build", "--in", ONE, "--out", out, "--types", "targets"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds documents, railways, highways|holds documents/);
    // 6 types × (json, csv) + manifest + the researcher outputs (codebook, workbook, review/)
    expect(tree(out)).toHaveLength(16);
    expect(run(["build", "--in", ONE, "--out", out, "--types", "targets", "--drop-other-types"]).status).toBe(0);
    expect(tree(out)).toEqual(["codebook.md", "manifest.json", "policy-extract.xlsx", "review", "targets.csv", "targets.json"]);
  });
});

describe("no moment without a whole out/", () => {
  it("uses the native exchange on this machine (built by npm ci)", () => {
    expect(canExchange()).toBe(true);
  });

  for (const mode of ["exchange", "two renames (fallback)"] as const) {
    it(`a reader polling out/ while builds are killed at random moments always sees a whole build (${mode})`, async () => {
      const out = join(base, `reader-${mode.length}`);
      const env = mode === "exchange" ? {} : { POLICY_EXTRACT_NO_EXCHANGE: "1" };
      expect(run(["build", "--in", ONE, "--out", out], base, env).status).toBe(0);
      let reads = 0, broken = 0, stop = false;
      const reader = (async () => {
        while (!stop) {
          try {
            const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { outputs: Array<{ name: string }> };
            for (const o of m.outputs) readFileSync(join(out, o.name));
            reads++;
          } catch { broken++; }
          await new Promise((r) => setTimeout(r, 2));
        }
      })();
      for (const delay of [200, 600, 1000, -1]) {
        const p = spawn(process.execPath, [BIN, "build", "--in", ONE, "--out", out], { stdio: "ignore", env: { ...process.env, ...env } });
        const exited = new Promise((r) => p.on("exit", r)); // listen now: the build may end before the kill
        if (delay >= 0) { await new Promise((r) => setTimeout(r, delay)); p.kill("SIGKILL"); }
        await exited;
        // what a killed build leaves is repaired by the next one
        if (!existsSync(join(out, "manifest.json"))) expect(run(["build", "--in", ONE, "--out", out], base, env).status).toBe(0);
      }
      stop = true;
      await reader;
      expect(reads).toBeGreaterThan(5);
      if (mode === "exchange") expect(broken).toBe(0);
      expect(run(["build", "--in", ONE, "--out", out], base, env).status).toBe(0);
      expect(readdirSync(base).filter((n) => n.startsWith(`.reader-${mode.length}-`))).toEqual([]);
    }, 90_000);
  }
});

describe("signals and concurrency", () => {
  for (const [sig, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
    it(`${sig}: temp dir removed, previous output whole, exit ${code}`, async () => {
      const out = join(base, `sig-${sig}`);
      expect(run(["build", "--in", ONE, "--out", out]).status).toBe(0);
      const before = readFileSync(join(out, "manifest.json"), "utf8");
      const p = spawn(process.execPath, [BIN, "build", "--in", SEEDS, "--out", out], { stdio: "ignore" });
      let ended = false;
      const exited = new Promise<number | null>((r) => p.on("exit", (c) => { ended = true; r(c); }));
      // the signal goes once the build writes (its temp dir is there): a fixed delay sent it, on a loaded
      // machine, before Node had run the launcher, whose handlers no process can have that early
      const writing = () => readdirSync(base).some((n) => n.startsWith(`.sig-${sig}`));
      for (let waited = 0; !ended && !writing() && waited < 60_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      p.kill(sig);
      const status = await exited;
      if (status !== 0) {
        expect(status).toBe(code);
        expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(before);
      }
      expect(readdirSync(base).filter((n) => n.startsWith(`.sig-${sig}`))).toEqual([]);
    });
  }

  it("two builds into one --out: one writes, the other fails at once with one line (exit 4), never ENOTEMPTY", async () => {
    const out = join(base, "twice");
    const go = () => new Promise<{ code: number | null; err: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, "build", "--in", SEEDS, "--out", out], { stdio: ["ignore", "ignore", "pipe"] });
      let err = "";
      p.stderr.on("data", (d) => { err += d; });
      p.on("exit", (code) => resolve({ code, err }));
    });
    const [a, b] = await Promise.all([go(), go()]);
    const codes = [a.code, b.code].sort();
    expect([[0, 0], [0, 4]]).toContainEqual(codes);
    for (const r of [a, b]) expect(r.err).not.toMatch(/ENOTEMPTY|EEXIST|at .*\.js/);
    const loser = [a, b].find((r) => r.code === 4);
    if (loser) expect(loser.err.trim()).toMatch(/^policy-extract: .*another build \(pid \d+\) is writing this output/);
    expect(readdirSync(base).filter((n) => n.startsWith(".twice"))).toEqual([]);
  }, 60_000);
});

describe("a failure to write the output: exit 4, one line", () => {
  it("permission refused (a kernel directory nobody may write)", () => {
    const r = run(["build", "--in", ONE, "--out", "/sys/kernel/policy-extract-out"]);
    expect(r.status).toBe(4);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(/cannot write the output \((permission denied|operation not permitted|read-only file system)\)/)]);
  });

  const tiny = join(base, "tiny");
  mkdirSync(tiny);
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", tiny]).status === 0;
  afterAll(() => { if (mounted) spawnSync("umount", [tiny]); });
  it.runIf(mounted)("disk full (a 64 KB tmpfs)", () => {
    const r = run(["build", "--in", ONE, "--out", join(tiny, "out"), "--no-cache"]);
    expect(r.status).toBe(4);
    expect(r.stderr.trim()).toMatch(/no space left on device/);
    expect(readdirSync(tiny)).toEqual([]);
  });
});

describe("validate", () => {
  it("a directory without manifest.json fails (exit 3) and says why; unlisted files are listed", () => {
    const out = join(base, "val");
    expect(run(["build", "--in", ONE, "--out", out]).status).toBe(0);
    expect(run(["validate", out]).status).toBe(0);
    writeFileSync(join(out, "stray.csv"), "x");
    let r = run(["validate", out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("stray.csv: not written by the build");
    expect(r.stderr).toContain("schema check ok; manifest check FAILED");
    rmSync(join(out, "manifest.json"));
    r = run(["validate", out]);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain("manifest.json: missing");
  });
});

describe("command line", () => {
  it("extract -- -dash.txt reads a file whose name starts with '-'", () => {
    const d = join(base, "dash");
    mkdirSync(d);
    cpSync(ONE, join(d, "-dash.txt"));
    const r = run(["extract", "--type", "documents", "--", "-dash.txt"], d);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)[0].source_file).toBe("-dash.txt");
  });

  it("extract of a missing file: its line on stderr, nothing on stdout", () => {
    const r = run(["extract", "missing.txt"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe("missing.txt: no such file (or a dangling link)");
  });

  it("messages name the real problem once", () => {
    expect(run(["build", "--bogus-flag"]).stderr.split("\n")[0]).toBe("policy-extract: unknown option --bogus-flag");
    expect(run(["--verbose", "build"]).stderr.split("\n")[0]).toBe("policy-extract: unknown option --verbose");
  });

  it("--help lists the exit codes", () => {
    const help = run(["--help"]).stdout;
    for (const c of ["0 ", "1 ", "2 ", "3 ", "4 ", "130", "143"]) expect(help).toContain(c);
    expect(help).toContain("Exit codes:");
  });
});
