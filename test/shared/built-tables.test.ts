import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import * as derived from "../../src/shared/gazetteer.js";
import { ROOT, SEED, seedText } from "../helpers.js";
// a build script (JavaScript): which module derives which table
import { TABLES } from "../../scripts/gen-tables.mjs";
import { decodeTable, encodeTable, type TableValue } from "../../src/shared/built-tables.js";
import corpus from "../corpus/sentences.json" with { type: "json" };

// the compiled module, as a build runs it: it reads the table `npm run build` wrote (scripts/gen-tables.mjs)
const DIST = join(ROOT, "dist");
const built = (await import(pathToFileURL(join(DIST, "shared", "gazetteer.js")).href)) as typeof derived;

// the seeds, and every sentence of the test corpus (Liaoning's and Jilin's policies among them)
const texts = [...Object.values(SEED).map(seedText), Object.values(corpus as Record<string, { text: string }>).map((s) => s.text).join("\n")];

describe("tables written at build time (scripts/gen-tables.mjs, src/shared/built-tables.ts)", () => {
  it.each(TABLES)("%s: %s() derives from the data now what the build wrote to %s", async (module, derive, file) => {
    const source = await import(join(ROOT, "src", module.replace(/\.js$/, ".ts")));
    const bytes = readFileSync(join(DIST, "generated", file));
    if (file.endsWith(".bin")) {
      // binary: each number array read back as a typed array holds the same numbers
      const plain = (t: Record<string, TableValue>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === "string" ? v : Array.from(v)]));
      expect(plain(decodeTable(bytes))).toEqual(plain(source[derive]()));
      return;
    }
    const table = JSON.parse(bytes.toString("utf8"));
    expect(table).toEqual(source[derive]());
    // ASCII, read as Latin-1 (src/shared/built-tables.ts): the place names are escapes
    expect(bytes.every((b) => b < 0x80)).toBe(true);
    expect(JSON.parse(bytes.toString("latin1"))).toEqual(table);
  });

  it("division stems: the stems with the openings of those longer than two answer as the openings of all for any two characters (projects' STEM_OPENINGS), and the longest is the longest", async () => {
    const { divisionStemsTable } = await import("../../src/extract/projects/lexicon.js");
    const t = divisionStemsTable();
    const stems = t.stems.split("|");
    const openings = new Set(stems.map((s) => s.slice(0, 2)));
    const gate = new Set([...stems, ...t.openings.split("|")]);
    // asked only of two characters (or one, at a text's end): none of one, and the same of two
    expect([...gate].filter((s) => s.length < 2)).toEqual([]);
    expect(new Set([...gate].filter((s) => s.length === 2))).toEqual(openings);
    expect(stems.some((s) => s.length > 2)).toBe(true);
    expect(t.longest).toBe(Math.max(...stems.map((s) => s.length)));
  });

  it("a binary table reads back what was written: strings of any code units, integers of 16 and 32 bits, aligned or not", () => {
    // the gazetteer's own kinds of field: a code list (ASCII), names (CJK), trie numbers and parent codes
    const table = { codes: "210200210211", names: "大连市|甘井子区|呼和浩特市", empty: "", chars: "\ud840\udc00𠀀ÿ", kids: [0, 3, 8246, 65535], parents: [0, 210200, -1, 654300], none: [] };
    const bytes = encodeTable(table);
    const back = decodeTable(bytes);
    expect(back.kids).toBeInstanceOf(Uint16Array);
    expect(back.parents).toBeInstanceOf(Int32Array);
    const plain = (t: Record<string, TableValue>) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === "string" ? v : Array.from(v)]));
    expect(plain(back)).toEqual(table);
    // a Buffer at an odd offset of its memory (a pooled one): the numbers are copied out, the same
    const odd = Buffer.alloc(bytes.length + 1).subarray(1);
    bytes.copy(odd);
    expect(plain(decodeTable(odd))).toEqual(table);
    expect(() => encodeTable({ big: [2 ** 31] })).toThrow(/32-bit/);
  });
});

describe("the gazetteer's table", () => {

  it("read by the compiled module, finds and resolves every place as the derived one does", () => {
    expect(built.gazetteerFromTable()).toBe(true);
    expect(derived.gazetteerFromTable()).toBe(false);
    const scan = (g: typeof derived, text: string, region: string | null) =>
      g.scanPlaces(text, { region }).map((m) => [m.start, m.end, m.places.map((p) => [p.division?.code ?? null, p.form, p.name, p.overlay]), m.after?.code ?? null, g.resolvePlace(m, { region })?.code ?? null]);
    let mentions = 0;
    for (const text of texts) {
      for (const region of [null, "150000", "210200"]) {
        const want = scan(derived, text, region);
        expect(scan(built, text, region)).toEqual(want);
        mentions += want.length;
      }
    }
    expect(mentions).toBeGreaterThan(1000);
    for (const name of ["大连", "金州", "义县", "朝阳", "甘其毛都", "锡盟", "呼和浩特市", "香港特别行政区"]) {
      for (const region of [null, "150000"]) expect(built.lookupPlace(name, { region })).toEqual(derived.lookupPlace(name, { region }));
    }
    expect(built.textNamesContaining("和")).toEqual(derived.textNamesContaining("和"));
    for (const head of ["中共大连市委大连市人民政府", "义县人民政府", "辽宁省大连市甘井子区", "内蒙古自治区人民政府"]) {
      expect(built.leadingDivision(head)?.code).toBe(derived.leadingDivision(head)?.code);
    }
    expect(built.divisionByCode("210211")).toEqual(derived.divisionByCode("210211"));
    expect(built.divisionByCode("110101")?.parent).toBe("110000"); // a district of a municipality hangs from the province
    expect(built.divisionByCode("102110")).toBeUndefined(); // digits of two codes end to end are no code
  });

  const copies: string[] = [];
  afterAll(() => { for (const c of copies) rmSync(c, { recursive: true, force: true }); });

  it("is not read once older than the compiled module (a bare tsc since): the module derives its own", async () => {
    const copy = mkdtempSync(join(tmpdir(), "pe-gazetteer-"));
    copies.push(copy);
    // laid out as the package is: the compiled modules in dist/, the data they derive from in src/data/
    for (const d of ["shared", "data", "generated"]) cpSync(join(DIST, d), join(copy, "dist", d), { recursive: true });
    cpSync(join(ROOT, "src", "data"), join(copy, "src", "data"), { recursive: true });
    const old = new Date(Date.now() - 3600_000);
    utimesSync(join(copy, "dist", "generated", "gazetteer.bin"), old, old);
    const stale = (await import(pathToFileURL(join(copy, "dist", "shared", "gazetteer.js")).href)) as typeof derived;
    expect(stale.gazetteerFromTable()).toBe(false);
    expect(stale.leadingDivision("大连市甘井子区")?.code).toBe("210211");
  });
});

describe("the division list (src/data/divisions.json)", () => {
  it("is read from the data file when a table is derived, and is no module of the bundle (a process that reads the tables never makes it)", () => {
    const file = JSON.parse(readFileSync(join(ROOT, "src", "data", "divisions.json"), "utf8")) as { divisions: Array<[string, string]> };
    expect(derived.divisionList()).toEqual(file.divisions);
    expect(built.divisionList()).toEqual(file.divisions);
    expect(derived.divisionList().find(([code]) => code === "210211")).toEqual(["210211", "甘井子区"]);
    const bundle = readFileSync(join(DIST, "cli.cjs"), "latin1");
    expect(bundle).toMatch(/^\/\/ dist\/data\/regions\.json$/m); // how esbuild heads a JSON module it bundles
    expect(bundle).not.toMatch(/^\/\/ dist\/data\/divisions\.json$/m);
  });
});
