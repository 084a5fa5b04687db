import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, SEED, SEEDS } from "../helpers.js";

/** Issue 10, point 6: scripts/nightly.sh on a scratch git repository holding real seeds. */
const repo = mkdtempSync(join(tmpdir(), "nightly-repo-"));
afterAll(() => rmSync(repo, { recursive: true, force: true }));
const git = (...a: string[]) => spawnSync("git", ["-C", repo, ...a], { encoding: "utf8" });
const nightly = () => spawnSync("bash", [join(ROOT, "scripts", "nightly.sh"), repo], { encoding: "utf8" });
const commits = () => Number(git("rev-list", "--count", "HEAD").stdout.trim());

describe("scripts/nightly.sh", () => {
  mkdirSync(join(repo, "seeds"));
  cpSync(join(SEEDS, SEED.annual), join(repo, "seeds", SEED.annual));
  git("init", "-q");
  git("config", "user.email", "nightly@example.org");
  git("config", "user.name", "nightly");
  git("add", ".");
  git("commit", "-qm", "inputs");

  it("first run: builds and commits out/", () => {
    const r = nightly();
    expect(r.status, r.stderr).toBe(0);
    expect(commits()).toBe(2);
    expect(git("show", "--stat", "HEAD").stdout).toContain("out/targets.json");
  });

  it("nothing changed: no commit", () => {
    expect(nightly().stdout).toContain("no change");
    expect(commits()).toBe(2);
  });

  it("an input changed: commits with the diff summary as the message", () => {
    const p = join(repo, "seeds", SEED.annual);
    writeFileSync(p, readFileSync(p, "utf8").replace("粮食产量稳定在", "粮食产量力争稳定在"));
    git("commit", "-qam", "edit");
    const r = nightly();
    expect(r.status, r.stderr).toBe(0);
    const msg = git("log", "-1", "--format=%B").stdout;
    expect(msg).toMatch(/^nightly: dataset regenerated\n\n\*\*\d+ added, \d+ removed, \d+ changed\*\*/);
    expect(msg).toContain(`| input ${SEED.annual} |`);
  });

  it("a failed build exits non-zero and keeps the old data and history", () => {
    const before = readFileSync(join(repo, "out", "targets.json"));
    const head = git("rev-parse", "HEAD").stdout;
    writeFileSync(join(repo, "seeds", "broken.pdf"), "%PDF-1.4 truncated");
    const r = nightly();
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("nightly: build failed");
    expect(readFileSync(join(repo, "out", "targets.json")).equals(before)).toBe(true);
    expect(git("rev-parse", "HEAD").stdout).toBe(head);
  });
});
