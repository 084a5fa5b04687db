import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { explainSource } from "../../src/explain/explain.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { extractSource } from "../../src/pipeline/extract-input.js";
import { ROOT, SEED, SEEDS, sourceOf } from "../helpers.js";

const annual = join(SEEDS, SEED.annual);
const src = sourceOf(readFileSync(annual, "utf8"), SEED.annual);
const explained = explainSource(src, RECORD_TYPES);

describe("extract --explain: the rule behind each record, the reason behind each drop", () => {
  it("explains exactly the records extract writes, with the same ids", () => {
    const { records } = extractSource(src);
    const ids = RECORD_TYPES.flatMap((t) => (records[t] as Array<{ id: string }>).map((r) => r.id)).sort();
    expect(explained.records.map((r) => r.id).sort()).toEqual(ids);
  });

  it("names the pass of every record (no record without a rule)", () => {
    expect(explained.records.filter((r) => r.rule.includes("no rule named"))).toEqual([]);
    // 004 line 91: 建成包银高铁 is a railway mention, 呼和浩特盛乐国际机场 a work named by its head noun
    const rail = explained.records.find((r) => r.type === "railways" && r.fields.name === "包银高铁")!;
    expect(rail.rule).toMatch(/^railways: a rail line mention/);
    const airport = explained.records.find((r) => r.type === "projects" && String(r.fields.name).endsWith("国际机场"))!;
    expect(airport.rule).toContain("head noun 机场 (project-heads.json)");
    expect(explained.records.some((r) => r.rule.startsWith("targets/qualitative: the "))).toBe(true);
    expect(explained.records.some((r) => r.rule.startsWith("targets/prose:"))).toBe(true);
  });

  it("lists a dropped candidate with the exclusion that removed it (国家重要能源和战略资源基地: a role of the region, no work)", () => {
    expect(explained.dropped).toContainEqual(expect.objectContaining({ type: "projects", name: "国家重要能源和战略资源基地", why: "role" }));
  });

  it("names the exclusion behind each value a targets prose pass dropped", () => {
    // 004: …新开工煤电装机规模 400 万千瓦以上、500 千伏电网项目 15 项… — 500千伏 names a class of grid, 400万千瓦 is a target
    const grid = explained.dropped.find((d) => d.type === "targets" && d.name === "500千伏")!;
    expect(grid.why).toBe("targets/prose: a value naming a class (isClassValue)");
    expect(grid.quote.replace(/\s+/g, "")).toContain("500千伏电网项目15项");
    expect(explained.records.some((r) => r.type === "targets" && r.line === grid.line && r.fields.value_text === "400万千瓦以上")).toBe(true);
    // every targets drop carries a named exclusion
    const drops = explained.dropped.filter((d) => d.type === "targets");
    expect(drops.length).toBeGreaterThan(0);
    for (const d of drops) expect(d.why).toMatch(/^targets\/prose: .+ \((?:is|in|progress|restates|due)\w*\)$/);
  });

  it("the rule never reaches a record: out/ holds no such field", () => {
    for (const t of RECORD_TYPES) expect(readFileSync(join(ROOT, "out", `${t}.json`), "utf8")).not.toContain('"rule"');
  });

  it("through the CLI: text by default, JSON with --explain=json, a usage error for more than one file", () => {
    const bin = join(ROOT, "bin", "policy-extract.js");
    const text = spawnSync(process.execPath, [bin, "extract", annual, "--type", "railways", "--explain"], { encoding: "utf8" });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`${SEED.annual}:91  railways`);
    expect(text.stdout).toContain("rule:  railways: a rail line mention");
    const json = spawnSync(process.execPath, [bin, "extract", annual, "--type", "projects", "--explain=json"], { encoding: "utf8" });
    const e = JSON.parse(json.stdout);
    expect(e.records.every((r: { type: string }) => r.type === "projects")).toBe(true);
    expect(e.dropped.length).toBeGreaterThan(0);
    const two = spawnSync(process.execPath, [bin, "extract", annual, annual, "--explain"], { encoding: "utf8" });
    expect(two.status).toBe(2);
  });
});
