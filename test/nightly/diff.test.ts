import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { outputTree, ROOT, SEED, SEEDS } from "../helpers.js";

/** Issue 10: the committed dataset is current, `diff` by id, and ids that survive edits elsewhere. */
const BIN = join(ROOT, "bin", "policy-extract.js");
const base = mkdtempSync(join(tmpdir(), "nightly-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const pe = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", cwd: base });
const build = (inDir: string, out: string) => { const r = pe("build", "--in", inDir, "--out", out); expect(r.status, r.stderr).toBe(0); };
const ids = (out: string, type: string) => (JSON.parse(readFileSync(join(out, `${type}.json`), "utf8")) as Array<{ id: string }>).map((r) => r.id);

describe("the dataset in the repository", () => {
  it("out/ is what a fresh build of seeds/ writes, byte for byte (rebuild with `npm start` and commit both)", () => {
    const fresh = join(base, "fresh");
    build(SEEDS, fresh);
    const committed = join(ROOT, "out");
    const want = outputTree(fresh), have = outputTree(committed);
    expect(Object.keys(have)).toEqual(Object.keys(want));
    for (const n of Object.keys(want)) expect(have[n]!.equals(want[n]!), `out/${n} is stale`).toBe(true);
  }, 60_000);

  it(".gitattributes keeps out/ byte-exact (no line-ending conversion) and marks it generated", () => {
    const attrs = spawnSync("git", ["check-attr", "text", "linguist-generated", "--", "out/targets.csv"], { cwd: ROOT, encoding: "utf8" });
    expect(attrs.stdout).toContain("out/targets.csv: text: unset");
    expect(attrs.stdout).toContain("out/targets.csv: linguist-generated: true");
  });
});

describe("policy-extract diff OLD NEW", () => {
  const a = join(base, "a"), b = join(base, "b");
  const c = join(base, "c");
  const inA = join(base, "in-a"), inB = join(base, "in-b"), inC = join(base, "in-c");
  mkdirSync(inA); mkdirSync(inB); mkdirSync(inC);
  cpSync(join(SEEDS, SEED.annual), join(inA, SEED.annual));
  const text = readFileSync(join(SEEDS, SEED.annual), "utf8");
  // the same file with a paragraph inserted at the top; then also one sentence edited
  const inserted = `编者按：本文件转载自自治区人民政府网站。\n\n${text}`;
  writeFileSync(join(inB, SEED.annual), inserted);
  writeFileSync(join(inC, SEED.annual), inserted.replace("粮食产量稳定在", "粮食产量力争稳定在"));

  it("the same build: exit 0, no differences", () => {
    build(inA, a);
    const r = pe("diff", a, a);
    expect([r.status, r.stdout]).toEqual([0, "no differences\n"]);
  });

  it("a paragraph inserted at the top changes no other record's id; the edit shows as changes, old → new", () => {
    build(inB, b);
    for (const t of ["documents", "targets", "projects", "railways", "highways", "subsidies"]) {
      expect(ids(b, t), `${t}: ids changed after a paragraph was inserted at the top`).toEqual(ids(a, t));
    }
    build(inC, c);
    const lost = ids(a, "targets").filter((x) => !ids(c, "targets").includes(x));
    expect(lost.length).toBeGreaterThan(0); // the edited sentence's records are new readings
    expect(lost.length).toBeLessThan(ids(a, "targets").length / 10); // and nothing else
    const r = pe("diff", a, b);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\d+ added, \d+ removed, \d+ changed\n/);
    expect(r.stdout).toMatch(/source_line: \d+ → \d+/); // every line moved by two
    const j = JSON.parse(pe("diff", a, b, "--format", "json").stdout);
    expect(j.byInput[SEED.annual].changed).toBeGreaterThan(10);
    const md = pe("diff", a, b, "--format", "md").stdout;
    expect(md).toContain("| type | record | where | field | old | new |");
  });

  it("editing one document of a compilation changes only that document's records", () => {
    const inD = join(base, "in-d"), inE = join(base, "in-e");
    mkdirSync(inD); mkdirSync(inE);
    cpSync(join(SEEDS, SEED.compilation), join(inD, SEED.compilation));
    const lines = readFileSync(join(SEEDS, SEED.compilation), "utf8").split("\n");
    // line 2385 belongs to the 36th document (赤峰市…肉牛肉羊全产业链发展七条措施): change its amount
    lines[2384] = lines[2384]!.replace("每年投入 500 万元", "每年投入 600 万元");
    writeFileSync(join(inE, SEED.compilation), lines.join("\n"));
    const d = join(base, "d"), e = join(base, "e");
    build(inD, d); build(inE, e);
    type R = { id: string; doc_title: string };
    for (const t of ["documents", "targets", "projects", "railways", "highways", "subsidies"]) {
      const before = JSON.parse(readFileSync(join(d, `${t}.json`), "utf8")) as R[];
      const after = new Set((JSON.parse(readFileSync(join(e, `${t}.json`), "utf8")) as R[]).map((r) => r.id));
      const lost = before.filter((r) => !after.has(r.id));
      expect(lost.every((r) => r.doc_title.includes("肉牛肉羊全产业链发展七条措施")), `${t}: a record of another document changed id`).toBe(true);
      if (t === "subsidies") expect(lost.length).toBeGreaterThan(0);
    }
  });

  it("trouble (a missing directory) exits 2 with one line", () => {
    const r = pe("diff", a, join(base, "nope"));
    expect(r.status).toBe(2);
  });
});
