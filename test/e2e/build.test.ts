import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, TOOL } from "../../src/api.js";
import { RECORD_TYPES } from "../../src/generated/records.js";
import { VERSION } from "../../src/version.js";
import { outputTree, ROOT, SEEDS } from "../helpers.js";
import { flatText, quoteAtLine, type FlatText } from "./provenance.js";

/**
 * The seed build end to end, checked from the outside: the files written, an
 * independent schema check, Excel safety of the CSVs, the manifest,
 * determinism, and provenance (each quote stands at its source_line).
 */
const base = mkdtempSync(join(tmpdir(), "e2e-build-"));
const outA = join(base, "a");
const outB = join(base, "b");
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeAll(async () => {
  for (const out of [outA, outB]) {
    const res = await build({ inputs: [SEEDS], out });
    expect(res.failures).toEqual([]);
    expect(res.written).toBe(true);
  }
});

const read = (name: string, dir = outA) => readFileSync(join(dir, name));
const records = (t: string) => JSON.parse(read(`${t}.json`).toString("utf8")) as Array<Record<string, unknown>>;

/** RFC 4180 rows (quoted cells may hold commas, quotes, CR and LF). */
function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = "", q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (q) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') q = false; else cell += c;
    } else if (c === '"') q = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && s[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe("seed build (npm start)", () => {
  it("writes <type>.json and <type>.csv for 6 types, the workbook, the codebook, the review pages and manifest.json — nothing else", () => {
    const pages = readdirSync(SEEDS).map((n) => `review/${n}.html`);
    expect(Object.keys(outputTree(outA))).toEqual([...RECORD_TYPES.flatMap((t) => [`${t}.csv`, `${t}.json`]), "manifest.json", "policy-extract.xlsx", "codebook.md", "review/index.html", ...pages].sort());
    expect(readdirSync(base).sort()).toEqual(["a", "b"]); // no temp dir left beside the output
  });

  it("two builds are byte-identical", () => {
    const a = outputTree(outA), b = outputTree(outB);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const n of Object.keys(a)) expect(b[n]!.equals(a[n]!), n).toBe(true);
  });

  it("every record validates against schemas/ with an independent ajv instance", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const addFormats = (addFormatsModule as unknown as { default: (a: Ajv2020) => void }).default;
    addFormats(ajv);
    ajv.addKeyword("x-enum-meanings"); // an annotation of schemas/ (the codebook's value meanings)
    const schema = (n: string) => JSON.parse(readFileSync(join(ROOT, "schemas", `${n}.schema.json`), "utf8"));
    ajv.addSchema(schema("common"));
    let n = 0;
    for (const t of RECORD_TYPES) {
      const v = ajv.compile(schema(t));
      for (const r of records(t)) {
        n++;
        if (!v(r)) throw new Error(`${t} ${r.source_file}:${r.source_line}: ${ajv.errorsText(v.errors)}`);
      }
    }
    expect(n).toBeGreaterThanOrEqual(41); // at least the 41 documents
  });

  it("ids are unique within each type; records are sorted by file, line, id", () => {
    for (const t of RECORD_TYPES) {
      const rs = records(t);
      expect(new Set(rs.map((r) => r.id)).size).toBe(rs.length);
      const keys = rs.map((r) => [r.source_file as string, r.source_line as number, r.id as string] as const);
      for (let i = 1; i < keys.length; i++) {
        const [a, b] = [keys[i - 1]!, keys[i]!];
        expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2]))), `${t} ${b.join(":")}`).toBe(true);
      }
    }
  });

  it("every CSV: BOM, CRLF, header = JSON field order, one row per record, no cell Excel would run as a formula", () => {
    for (const t of RECORD_TYPES) {
      const csv = read(`${t}.csv`).toString("utf8");
      expect(csv.charCodeAt(0), t).toBe(0xfeff);
      const rows = parseCsv(csv.slice(1));
      const schemaCols = Object.keys(JSON.parse(readFileSync(join(ROOT, "schemas", `${t}.schema.json`), "utf8")).properties);
      expect(rows[0]).toEqual(schemaCols);
      const rs = records(t);
      expect(rows.length - 1).toBe(rs.length);
      for (const row of rows.slice(1)) {
        expect(row.length).toBe(schemaCols.length);
        for (const c of row) expect(/^[=+\-@\t\r]/.test(c), `${t}: ${c}`).toBe(false);
      }
      // the same values as the JSON (arrays joined with |)
      rs.forEach((r, k) => {
        const id = rows[k + 1]![0];
        expect(id).toBe(r.id);
        const line = rows[k + 1]![schemaCols.indexOf("source_line")];
        expect(line).toBe(String(r.source_line));
      });
    }
  });

  it("manifest: tool version, inputs with sha256 and bytes, outputs with sha256 and counts, nothing time-dependent", () => {
    const m = JSON.parse(read("manifest.json").toString("utf8"));
    expect(m.tool).toBe(TOOL);
    expect(m.version).toBe(VERSION);
    const seeds = readdirSync(SEEDS).sort();
    expect(m.inputs.map((i: { name: string }) => i.name)).toEqual(seeds);
    for (const i of m.inputs) {
      const bytes = readFileSync(join(SEEDS, i.name));
      expect(i).toEqual({ name: i.name, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length });
    }
    expect(m.outputs.map((o: { name: string }) => o.name)).toEqual(Object.keys(outputTree(outA)).filter((n) => n !== "manifest.json"));
    for (const o of m.outputs) {
      expect(o.sha256).toBe(createHash("sha256").update(read(o.name)).digest("hex"));
      if (/\.(json|csv)$/.test(o.name)) expect(o.records).toBe(records(o.name.replace(/\.(json|csv)$/, "")).length);
    }
    expect(JSON.stringify(m)).not.toMatch(/20\d\d-\d\d-\d\dT|time|date/i);
  });
});

describe("provenance: each record's quote stands at its source_line (±3) of the original file", () => {
  it("for every record of every type of the seed build", () => {
    const files = new Map<string, FlatText>();
    const bad: string[] = [];
    let checked = 0;
    for (const t of RECORD_TYPES) {
      for (const r of records(t)) {
        const name = r.source_file as string;
        if (!files.has(name)) files.set(name, flatText(readFileSync(join(SEEDS, name), "utf8")));
        checked++;
        if (!quoteAtLine(files.get(name)!, r.quote as string, r.source_line as number)) bad.push(`${t} ${name}:${r.source_line} ${(r.quote as string).slice(0, 40)}`);
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(41);
  });
});
