import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yargs from "yargs";
import { main, skipHelpCache } from "../../src/cli.js";
import { ROOT, SEED, SEEDS } from "../helpers.js";

/** The CLI in-process: main(argv, io) with stdout/stderr captured. */
async function run(...argv: string[]) {
  const out: string[] = [], err: string[] = [];
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join(""), err: err.join("") };
}

const base = mkdtempSync(join(tmpdir(), "cli-"));
const bad = join(base, "inputs");
const GOOD = SEED.west; // a small real seed that must still be built
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Every kind of bad input the issue names, plus one good seed, in one directory. */
const BAD: Record<string, string> = {
  "a_empty.txt": "a_empty.txt: empty file",
  "b_blank.txt": "b_blank.txt: empty file: no text",
  "c_binary.txt": "c_binary.txt: binary content, not a text document",
  "d_folder.txt": "d_folder.txt: is a directory, not a file",
  "e_dangling.txt": "e_dangling.txt: no such file (or a dangling link)",
  "f_notes.docx": "f_notes.docx: corrupt or truncated .docx (End of central directory record signature not found. Either not a zip file, or file is truncated.)",
  "g_truncated.pdf": "g_truncated.pdf: corrupt or truncated PDF (Invalid PDF structure.)",
  "h_corrupt.pdf": "h_corrupt.pdf: corrupt or truncated PDF (Invalid PDF structure.)",
  "i_notext.html": "i_notext.html: HTML page has no text",
  "j_image.pdf.txt": "j_image.pdf.txt: binary content, not a text document",
};

beforeAll(() => {
  mkdirSync(bad);
  copyFileSync(join(SEEDS, GOOD), join(bad, GOOD));
  writeFileSync(join(bad, "a_empty.txt"), "");
  writeFileSync(join(bad, "b_blank.txt"), " \r\n\t\n\u3000\n");
  writeFileSync(join(bad, "c_binary.txt"), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37 + (i >> 3)) & 0xff)));
  mkdirSync(join(bad, "d_folder.txt"));
  symlinkSync(join(base, "nowhere.txt"), join(bad, "e_dangling.txt"));
  writeFileSync(join(bad, "f_notes.docx"), "PK\u0003\u0004");
  const pdf = readFileSync(join(ROOT, "test", "fixtures", "004_embedded.pdf"));
  writeFileSync(join(bad, "g_truncated.pdf"), pdf.subarray(0, pdf.length >> 1));
  writeFileSync(join(bad, "h_corrupt.pdf"), "%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n");
  writeFileSync(join(bad, "i_notext.html"), "<html><head><title>首页</title><script>var t='正文'</script><style>p{}</style></head><body><nav>首页 | 政务公开</nav></body></html>");
  writeFileSync(join(bad, "j_image.pdf.txt"), readFileSync(join(ROOT, "test", "fixtures", "004_embedded.pdf")).subarray(2000, 6000));
  mkdirSync(join(bad, "archive")); // a sub-folder without an input extension is not an input
});

describe("bad input: one line `FILE: reason` each, the rest is built, exit 1", () => {
  it("a directory holding every kind of bad input and one good seed", async () => {
    const out = join(base, "out-dir");
    const r = await run("build", "--in", bad, "--out", out);
    expect(r.code).toBe(1);
    const lines = r.err.trimEnd().split("\n");
    expect(lines.slice(0, -1)).toEqual(Object.values(BAD));
    expect(lines.at(-1)).toMatch(/^built .*out-dir: 1 input\(s\); documents 1,/);
    expect(r.err).not.toMatch(/\n\s+at |Error:/); // no stack trace
    const docs = JSON.parse(readFileSync(join(out, "documents.json"), "utf8"));
    expect(docs.map((d: { source_file: string }) => d.source_file)).toEqual([GOOD]);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.failures.map((f: { file: string }) => f.file)).toEqual(Object.keys(BAD));
  });

  it.each(Object.keys(BAD))("%s named on the command line next to a good file", async (name) => {
    const out = join(base, `out-${name}`);
    const r = await run("build", "--in", join(bad, name), join(bad, GOOD), "--out", out);
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toBe(BAD[name]);
    expect(JSON.parse(readFileSync(join(out, "documents.json"), "utf8"))).toHaveLength(1);
  });

  it("a path that does not exist, and an input directory with no inputs", async () => {
    mkdirSync(join(base, "empty-dir"));
    const r = await run("build", "--in", join(base, "missing"), join(base, "empty-dir"), join(bad, GOOD), "--out", join(base, "out-missing"));
    expect(r.code).toBe(1);
    expect(r.err.split("\n").slice(0, 2)).toEqual([ // failures are reported in file-name order
      "empty-dir: no input files in this directory (.txt, .html, .htm, .pdf, .docx)",
      "missing: no such file (or a dangling link)",
    ]);
  });

  it("two inputs with the same base name: the second is refused (source_file would be ambiguous)", async () => {
    mkdirSync(join(base, "copy"));
    copyFileSync(join(bad, GOOD), join(base, "copy", GOOD));
    const r = await run("build", "--in", join(bad, GOOD), join(base, "copy", GOOD), "--out", join(base, "out-dup"));
    expect(r.code).toBe(1);
    expect(r.err.split("\n")[0]).toBe(`${GOOD}: duplicate file name: source_file would be ambiguous`);
  });

  it("when no input can be read, the previous output is kept (exit 1)", async () => {
    const out = join(base, "out-dir");
    const before = readFileSync(join(out, "manifest.json"), "utf8");
    const r = await run("build", "--in", join(bad, "a_empty.txt"), "--out", out);
    expect(r.code).toBe(1);
    expect(r.err).toContain("not written: no input could be read (previous output kept)");
    expect(readFileSync(join(out, "manifest.json"), "utf8")).toBe(before);
  });
});

describe("usage errors exit 2", () => {
  it.each([
    [[], "name a command"],
    [["bogus"], "unexpected argument 'bogus'"],
    [["build", "--bogus"], "unknown option --bogus"],
    [["build", "--types", "documents,roads"], "unknown type(s): roads"],
    [["extract"], "extract: name an input file"],
    [["extract", "x.txt", "--format", "xml"], "Invalid values"],
    [["extract", "x.txt", "--format", "csv"], "--format csv needs one --type"],
    [["validate"], "validate: name a built directory"],
    [["validate", "/nonexistent/dir"], "not a readable directory"],
  ])("%j", async (argv, msg) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.err).toContain(msg);
    expect(r.err).toContain("Run 'policy-extract --help' for usage.");
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("--out that is a file, or a directory the tool did not write, is refused (nothing deleted)", async () => {
    writeFileSync(join(base, "a-file"), "keep me");
    let r = await run("build", "--in", join(bad, GOOD), "--out", join(base, "a-file"));
    expect([r.code, r.err]).toEqual([2, `policy-extract: ${join(base, "a-file")}: exists and is not a directory\nRun 'policy-extract --help' for usage.\n`]);
    expect(readFileSync(join(base, "a-file"), "utf8")).toBe("keep me");
    r = await run("build", "--in", join(bad, GOOD), "--out", bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain("holds an input");
    expect(readFileSync(join(bad, GOOD)).length).toBeGreaterThan(0);
    mkdirSync(join(base, "users-dir"));
    writeFileSync(join(base, "users-dir", "thesis.docx"), "keep me");
    r = await run("build", "--in", join(bad, GOOD), "--out", join(base, "users-dir"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("refusing to replace a non-empty directory that has no policy-extract manifest.json");
    expect(readFileSync(join(base, "users-dir", "thesis.docx"), "utf8")).toBe("keep me");
  });
});

describe("build --types", () => {
  it("writes the chosen types and the manifest only", async () => {
    const out = join(base, "out-types");
    const r = await run("build", "--in", join(SEEDS, SEED.annual), "--types", "documents,targets", "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["codebook.md", "documents.csv", "documents.json", "manifest.json", "policy-extract.xlsx", "review", "targets.csv", "targets.json"]);
  });
});

describe("validate DIR", () => {
  const good = join(base, "valid");
  beforeAll(async () => {
    expect((await run("build", "--in", join(SEEDS, SEED.annual), join(SEEDS, SEED.news), "--out", good)).code).toBe(0);
  });

  it("a fresh build is valid: exit 0", async () => {
    const r = await run("validate", good);
    const n = ["documents", "targets", "projects", "railways", "highways", "subsidies"]
      .reduce((a, t) => a + JSON.parse(readFileSync(join(good, `${t}.json`), "utf8")).length, 0);
    expect(n).toBeGreaterThanOrEqual(2);
    expect([r.code, r.err]).toEqual([0, `${good}: ${n} record(s); schema check ok; manifest check ok\n`]);
  });

  it("a doctored record: exit 3, naming type, file:line and the schema message", async () => {
    const dir = join(base, "doctored");
    mkdirSync(dir);
    for (const f of ["documents.json", "targets.json"]) copyFileSync(join(good, f), join(dir, f));
    const docs = JSON.parse(readFileSync(join(dir, "documents.json"), "utf8"));
    docs[1].policy_level = "planet";
    delete docs[1].title;
    writeFileSync(join(dir, "documents.json"), JSON.stringify(docs, null, 2));
    const r = await run("validate", dir);
    expect(r.code).toBe(3);
    expect(r.err).toContain("invalid documents record at 004_37e45ae1c4b0ca61.txt:3: / must have required property 'title'; /policy_level must be equal to one of the allowed values");
  });

  it("a file changed after the build (sha256 differs from the manifest), or not JSON: exit 3", async () => {
    const dir = join(base, "changed");
    mkdirSync(dir);
    for (const f of ["documents.json", "manifest.json", "targets.json"]) copyFileSync(join(good, f), join(dir, f));
    writeFileSync(join(dir, "documents.json"), JSON.stringify(JSON.parse(readFileSync(join(good, "documents.json"), "utf8"))));
    let r = await run("validate", dir);
    expect(r.code).toBe(3);
    expect(r.err).toContain("documents.json: changed since the build (sha256 differs from manifest.json)");
    expect(r.err).toContain("documents.csv: listed in manifest.json but missing");
    writeFileSync(join(dir, "targets.json"), "[{");
    r = await run("validate", dir);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/targets\.json: not valid JSON/);
  });

  it("a directory without dataset files is a usage error", async () => {
    mkdirSync(join(base, "nothing"));
    expect((await run("validate", join(base, "nothing"))).code).toBe(2);
  });
});

describe("extract FILE to stdout", () => {
  it("JSON of one type", async () => {
    const r = await run("extract", join(SEEDS, SEED.annual), "--type", "documents");
    expect(r.code).toBe(0);
    const docs = JSON.parse(r.out);
    expect(docs.map((d: { doc_number: string }) => d.doc_number)).toEqual(["内政发〔2025〕1号"]);
  });
  it("CSV of one type, with BOM and CRLF", async () => {
    const r = await run("extract", join(ROOT, "test", "fixtures", "004_notice.html"), "--type", "documents", "--format", "csv");
    expect(r.code).toBe(0);
    expect(r.out.charCodeAt(0)).toBe(0xfeff);
    expect(r.out.split("\r\n")[1]).toContain("004_notice.html,1,");
  });
  it("all types as one object keyed by type; a bad file exits 1", async () => {
    const r = await run("extract", join(SEEDS, SEED.news));
    expect(Object.keys(JSON.parse(r.out)).sort()).toEqual(["documents", "highways", "projects", "railways", "subsidies", "targets"]);
    const e = await run("extract", join(bad, "a_empty.txt"), "--type", "documents");
    expect([e.code, e.err, e.out]).toEqual([1, "a_empty.txt: empty file\n", ""]); // nothing on stdout for a failed input
  });
});

describe("start-up", () => {
  it("the pinned yargs still has the help-cache hook the CLI turns off (else every build renders the help text: 25–40 ms)", () => {
    expect(skipHelpCache(yargs([]))).toBe(true);
  });
});
