import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { outputTree, ROOT, SEED, SEEDS, seedText } from "../helpers.js";

/**
 * The launcher's bundled CLI (dist/cli.cjs with V8's code cache, src/launch.ts,
 * scripts/bundle-cli.mjs): what `npm run build` made fits this Node, and it gives
 * the bytes the compiled modules give, for every kind of input (the PDF and .docx
 * readers are loaded on demand from outside the bundle).
 */
const BIN = join(ROOT, "bin", "policy-extract.js");
const DIST = join(ROOT, "dist");
const base = mkdtempSync(join(tmpdir(), "launch-"));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, ...env } });

describe("the bundled CLI", () => {
  it("the code caches fit this Node: V8 takes them (the CLI's and the worker's)", async () => {
    const { compileBundle, CLI, WORKER } = await import(join(DIST, "launch.js"));
    expect(compileBundle(CLI, true).cacheRejected).toBe(false);
    expect(compileBundle(WORKER, true).cacheRejected).toBe(false);
  });

  it("builds the same bytes as the compiled modules: seeds, HTML, PDF (text, CMap) and .docx", async () => {
    const inputs = join(base, "in");
    mkdirSync(inputs);
    for (const f of ["004_cmap.pdf", "004_embedded.pdf", "004_notice.html"]) cpSync(join(ROOT, "test", "fixtures", f), join(inputs, f));
    writeFileSync(join(inputs, "annual.docx"), await docxOf(seedText(SEED.annual).split("\n").slice(0, 80)));
    const bundled = run(["build", "--in", SEEDS, inputs, "--out", join(base, "bundled"), "--no-cache", "--jobs", "2"]);
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.stderr).not.toMatch(/Warning/);
    const modules = run(["build", "--in", SEEDS, inputs, "--out", join(base, "modules"), "--no-cache"], { POLICY_EXTRACT_NO_BUNDLE: "1" });
    expect(modules.status, modules.stderr).toBe(0);
    expect(outputTree(join(base, "bundled"))).toEqual(outputTree(join(base, "modules")));
  }, 300_000);

  it("holds fflate's zip container without the deflate and inflate tables it builds when loaded (scripts/bundle-cli.mjs)", async () => {
    const bundle = readFileSync(join(DIST, "cli.cjs"), "latin1");
    const start = bundle.indexOf("fflate/esm/browser.js\"()");
    const fflate = bundle.slice(start, bundle.indexOf("\n});\n", start));
    expect(fflate).toMatch(/\bZipPassThrough = /);
    expect(fflate).toMatch(/\bcrct = /); // the zip entries' checksum table stays: the container uses it
    expect(fflate).not.toMatch(/32768/); // the bit-reversal table of its Huffman codes, for deflate and inflate
    expect(fflate).not.toMatch(/\bfreb\(/);
  });

  it("holds the validators precompiled from schemas/: a build takes them from the bundle (and its code cache), and requires no validators.cjs from disk", () => {
    const bundle = readFileSync(join(DIST, "cli.cjs"), "latin1");
    expect(bundle).toContain('"dist/generated/validators.cjs"(');
    const preload = join(base, "required.cjs");
    const report = join(base, "required.json");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify(Object.keys(require.cache))));`);
    const inputs = join(base, "validated");
    mkdirSync(inputs);
    writeFileSync(join(inputs, "one.txt"), "到2025年，全区地区生产总值达到3000亿元。\n");
    const r = spawnSync(process.execPath, ["--require", preload, BIN, "build", "--in", inputs, "--out", join(base, "validated-out"), "--quiet", "--no-cache"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const required = JSON.parse(readFileSync(report, "utf8")) as string[];
    expect(required.some((f) => f.endsWith("cli.cjs") || f.endsWith("launch.cjs"))).toBe(true); // the report sees required files
    expect(required.filter((f) => f.includes("validators"))).toEqual([]);
    // the one target was validated and written
    expect(JSON.parse(readFileSync(join(base, "validated-out", "targets.json"), "utf8"))).toHaveLength(1);
  });

  it("a text build without the cache loads neither node:v8 (the cache's serializer) nor Node's ES module loader (bin and launcher are CommonJS, src/packages.ts is required on first use)", () => {
    const preload = join(base, "builtins.cjs");
    const report = join(base, "builtins.txt");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.join("\\n")));`);
    const inputs = join(base, "one");
    mkdirSync(inputs);
    writeFileSync(join(inputs, "one.txt"), "到2025年，全区地区生产总值达到3000亿元。\n");
    const r = spawnSync(process.execPath, ["--require", preload, BIN, "build", "--in", inputs, "--out", join(base, "one-out"), "--quiet", "--no-cache"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const loaded = readFileSync(report, "utf8").split("\n");
    expect(loaded).toContain("NativeModule zlib"); // the workbook's deflate: the list is the one a build fills
    expect(loaded).not.toContain("NativeModule v8");
    expect(loaded).not.toContain("NativeModule internal/modules/esm/module_job");
  });

  it("a quiet build into pipes makes neither process.stdout nor process.stderr (for a pipe, a socket with Node's net module), nor loads node:assert (yargs' shim, patched in the bundle)", () => {
    const preload = join(base, "streams.cjs");
    const report = join(base, "streams.txt");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.join("\\n")));`);
    const r = spawnSync(process.execPath, ["--require", preload, BIN, "build", "--in", join(SEEDS, "002_236636c766a7cbd7.txt"), "--out", join(base, "streams-out"), "--quiet", "--no-cache"], { encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] });
    expect(r.status, r.stderr).toBe(0);
    const loaded = readFileSync(report, "utf8").split("\n");
    expect(loaded).toContain("NativeModule zlib"); // the list is the one a build fills
    for (const m of ["net", "tty", "assert", "internal/fs/sync_write_stream"]) expect(loaded).not.toContain(`NativeModule ${m}`);
    // and a build that reports makes them as ever
    const loud = spawnSync(process.execPath, ["--require", preload, BIN, "build", "--in", join(SEEDS, "002_236636c766a7cbd7.txt"), "--out", join(base, "streams-out"), "--no-cache"], { encoding: "utf8" });
    expect(loud.status, loud.stderr).toBe(0);
    expect(loud.stderr).toMatch(/^built /m);
    expect(readFileSync(report, "utf8").split("\n")).toContain("NativeModule net");
  });

  it("a reader that stops early (`extract … | head`) is no error: exit 0, nothing on stderr", async () => {
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, [BIN, "extract", join(SEEDS, "003_17bb7473e1f3ef6c.txt")], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => { err += d; });
    child.stdout.once("data", () => child.stdout.destroy());
    const code = await new Promise<number | null>((res) => child.on("close", (c) => res(c)));
    expect(err).toBe("");
    expect(code).toBe(0);
  }, 60_000);

  it("the CommonJS launcher (dist/launch.cjs) is the module's bundle, and a bare tsc since makes bin use the module", () => {
    const cjs = join(DIST, "launch.cjs");
    const kept = statSync(cjs);
    const preload = join(base, "esm.cjs");
    const report = join(base, "esm.txt");
    writeFileSync(preload, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(report)}, process.moduleLoadList.join("\\n")));`);
    const esmLoaded = () => {
      const r = spawnSync(process.execPath, ["--require", preload, BIN, "validate", join(base, "nowhere")], { encoding: "utf8" });
      expect(r.status).toBe(2); // a usage error, from the CLI: it was loaded
      return readFileSync(report, "utf8").split("\n").includes("NativeModule internal/modules/esm/module_job");
    };
    expect(esmLoaded()).toBe(false);
    try {
      const old = new Date(statSync(join(DIST, "launch.js")).mtimeMs - 60_000);
      utimesSync(cjs, old, old);
      expect(esmLoaded()).toBe(true);
    } finally {
      utimesSync(cjs, kept.atime, kept.mtime);
    }
  });

  it("yargs, bundled in, still finds its own files: a usage error in the user's language, as with the modules", () => {
    // yargs reads locales/<LANG>.json beside its own module; inside the bundle that path comes from __pePackageUrl
    const env = { LANG: "zh_CN.UTF-8", LC_ALL: "", LC_MESSAGES: "" };
    const bundled = run(["build", "--nope"], env);
    const modules = run(["build", "--nope"], { ...env, POLICY_EXTRACT_NO_BUNDLE: "1" });
    expect(bundled.status).toBe(2);
    expect(bundled.stderr).toContain("无法识别的选项：nope");
    expect(bundled.stderr).toBe(modules.stderr);
  });

  it("a bundle older than the compiled modules (a bare tsc since) is not used", async () => {
    const { CLI, bundleIsCurrent } = await import(join(DIST, "launch.js"));
    const kept = statSync(CLI.file);
    try {
      const old = new Date(statSync(CLI.module).mtimeMs - 60_000);
      utimesSync(CLI.file, old, old);
      expect(bundleIsCurrent(CLI)).toBe(false);
    } finally {
      utimesSync(CLI.file, kept.atime, kept.mtime);
    }
    expect(bundleIsCurrent(CLI)).toBe(true);
  });
});

/** A .docx (a zip made with yazl, as Word writes it) of one paragraph per line. */
async function docxOf(lines: string[]): Promise<Buffer> {
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = lines.map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join("");
  const z = new yazl.ZipFile();
  z.addBuffer(Buffer.from("<Types/>"), "[Content_Types].xml", { mtime: new Date(0) });
  z.addBuffer(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`), "word/document.xml", { mtime: new Date(0) });
  z.end();
  const chunks: Buffer[] = [];
  for await (const c of z.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
