#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli.js, the modules it imports and the packages they
// import) into one CommonJS script, dist/cli.cjs, and the worker thread's job
// (dist/parallel/extract-worker.js) into dist/worker.cjs; then builds the seeds once
// with each and writes V8's code cache of the functions that compiled: *.cjs.cache.
// The launcher loads both (src/launch.ts). Packages are inside because loading them
// as modules cost about 100 ms a run (yargs alone, an ES module loaded by require(),
// 75-95 ms); inside, their code comes from the cache too. Each module's
// import.meta.url becomes its own file's URL, worked out from where the bundle lies,
// so paths it resolves (schemas/, package.json, the worker file, the native addon,
// yargs' locales) stay what they were.
import { build } from "esbuild";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { asciiOnly } from "./ascii-bundle.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

// the module of lazily loaded packages stays a module of its own beside the bundle (src/packages.ts
// says why), and is itself loaded on first use: it is an ES module, and requiring it at start
// brought in Node's ES module loader, a few milliseconds of every run that reads no PDF or .docx.
// The stand-in's exports are read from the module, so a loader added there is carried through.
const packagesOutside = {
  name: "packages-outside",
  setup(b) {
    b.onResolve({ filter: /\/packages\.js$/ }, (args) => {
      if (args.namespace === "packages-outside") return { path: "./packages.js", external: true }; // the stand-in's own require
      const file = join(args.resolveDir, args.path);
      return file === join(dist, "packages.js") ? { path: "packages.js", namespace: "packages-outside" } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "packages-outside" }, (args) => {
      const code = readFileSync(join(dist, args.path), "utf8");
      const names = [...code.matchAll(/^export const (\w+) = \(\) => import\(/gm)].map((m) => m[1]);
      if (names.length === 0 || (code.match(/^export /gm) ?? []).length !== names.length) throw new Error(`bundle-cli: dist/${args.path} must export only \`export const loadX = () => import(...)\` loaders`);
      const body = names.map((n) => `export const ${n} = () => require("./packages.js").${n}();`).join("\n");
      return { contents: body, loader: "js", resolveDir: dist };
    });
  },
};

// fflate builds its deflate and inflate tables when loaded: a loop of 32 768 steps for one of
// them, run by the interpreter at every start (about 30 M instructions, and a background
// TurboFan compile of the loop), though the workbook takes only its zip container (Zip,
// ZipPassThrough) and deflates natively. Each table's statements are wrapped as a pure
// expression, the same values made the same way when something uses them, so that esbuild
// drops those nothing in the bundle uses. A statement not found exactly stops the build.
const FFLATE_TABLES = [
  [
    `var _a = freb(fleb, 2), fl = _a.b, revfl = _a.r;\n// we can ignore the fact that the other numbers are wrong; they never happen anyway\nfl[28] = 258, revfl[258] = 28;\nvar _b = freb(fdeb, 0), fd = _b.b, revfd = _b.r;\n`,
    `var _a = /*#__PURE__*/ (function () { var t = freb(fleb, 2); t.b[28] = 258, t.r[258] = 28; return t; })();\n` +
    `var fl = /*#__PURE__*/ (function () { return _a.b; })(), revfl = /*#__PURE__*/ (function () { return _a.r; })();\n` +
    `var _b = /*#__PURE__*/ freb(fdeb, 0);\n` +
    `var fd = /*#__PURE__*/ (function () { return _b.b; })(), revfd = /*#__PURE__*/ (function () { return _b.r; })();\n`,
  ],
  [
    `var rev = new u16(32768);\nfor (var i = 0; i < 32768; ++i) {\n    // reverse table algorithm from SO\n    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);\n    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);\n    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);\n    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;\n}\n`,
    `var rev = /*#__PURE__*/ (function () { var rev = new u16(32768);\nfor (var i = 0; i < 32768; ++i) {\n    var x = ((i & 0xAAAA) >> 1) | ((i & 0x5555) << 1);\n    x = ((x & 0xCCCC) >> 2) | ((x & 0x3333) << 2);\n    x = ((x & 0xF0F0) >> 4) | ((x & 0x0F0F) << 4);\n    rev[i] = (((x & 0xFF00) >> 8) | ((x & 0x00FF) << 8)) >> 1;\n}\nreturn rev; })();\n`,
  ],
  [
    `var flt = new u8(288);\nfor (var i = 0; i < 144; ++i)\n    flt[i] = 8;\nfor (var i = 144; i < 256; ++i)\n    flt[i] = 9;\nfor (var i = 256; i < 280; ++i)\n    flt[i] = 7;\nfor (var i = 280; i < 288; ++i)\n    flt[i] = 8;\n`,
    `var flt = /*#__PURE__*/ (function () { var flt = new u8(288);\nfor (var i = 0; i < 144; ++i)\n    flt[i] = 8;\nfor (var i = 144; i < 256; ++i)\n    flt[i] = 9;\nfor (var i = 256; i < 280; ++i)\n    flt[i] = 7;\nfor (var i = 280; i < 288; ++i)\n    flt[i] = 8;\nreturn flt; })();\n`,
  ],
  [
    `var fdt = new u8(32);\nfor (var i = 0; i < 32; ++i)\n    fdt[i] = 5;\n`,
    `var fdt = /*#__PURE__*/ (function () { var fdt = new u8(32);\nfor (var i = 0; i < 32; ++i)\n    fdt[i] = 5;\nreturn fdt; })();\n`,
  ],
];

// yargs' platform shim (the CLI's parser) asks for process.stdout when loaded (its width, for help
// text) and imports node:assert (for two checks of its own state), whose messages' colours ask for
// process.stderr: Node makes each stream when first asked for, and for a pipe that is a socket with
// Node's net module. A build that writes nothing to them (--quiet) paid about 30 M instructions of
// every start for both. The width is read when help is laid out, and node:assert is loaded when a
// check fails, to throw its own error. A statement not found exactly stops the build.
const YARGS_SHIM = [
    [`import { notStrictEqual, strictEqual } from 'assert'\n`, ``],
    [`  assert: {\n    notStrictEqual,\n    strictEqual\n  },`,
      `  assert: {\n    notStrictEqual: (a, b, m) => { if (Object.is(a, b)) require('assert').notStrictEqual(a, b, m) },\n    strictEqual: (a, b, m) => { if (!Object.is(a, b)) require('assert').strictEqual(a, b, m) }\n  },`],
    [`    stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null`,
      `    get stdColumns () { return typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null }`],
];
/** Each package file changed, and its statements replaced as they stand (ownUrl below reads them through `patched`). */
const PACKAGE_PATCHES = [
  [/[\\/]fflate[\\/]esm[\\/]browser\.js$/, FFLATE_TABLES],
  [/[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/, YARGS_SHIM],
];
function patched(path, code) {
  for (const [file, edits] of PACKAGE_PATCHES) {
    if (!file.test(path)) continue;
    for (const [from, to] of edits) {
      const at = code.indexOf(from);
      if (at < 0 || code.indexOf(from, at + 1) >= 0) throw new Error(`bundle-cli: a statement to patch not found once in ${path}: ${from.slice(0, 50)}`);
      code = code.slice(0, at) + to + code.slice(at + from.length);
    }
  }
  return code;
}

const ownUrl = {
  name: "import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, (args) => {
      const file = args.path.split("\\").join("/");
      if (args.path.startsWith(dist)) {
        const rel = relative(dist, args.path).split("\\").join("/");
        return { contents: readFileSync(args.path, "utf8").replaceAll("import.meta.url", `__peModuleUrl(${JSON.stringify(rel)})`), loader: "js" };
      }
      // a package's own file (yargs finds its locales from it): found where Node would find the package
      const at = file.lastIndexOf("/node_modules/");
      if (at < 0) return undefined;
      const code = patched(args.path, readFileSync(args.path, "utf8").replaceAll("\r\n", "\n"));
      if (!code.includes("import.meta.url")) return PACKAGE_PATCHES.some(([f]) => f.test(args.path)) ? { contents: code, loader: "js" } : undefined;
      const parts = file.slice(at + "/node_modules/".length).split("/");
      const n = parts[0].startsWith("@") ? 2 : 1;
      const pkg = parts.slice(0, n).join("/");
      const rel = parts.slice(n).join("/");
      return { contents: code.replaceAll("import.meta.url", `__pePackageUrl(${JSON.stringify(pkg)}, ${JSON.stringify(rel)})`), loader: "js" };
    });
  },
};

// the validators precompiled from schemas/ (dist/generated/validators.cjs, scripts/gen-validators.mjs)
// go into the bundle in place of the module that requires them at run time (src/validate/generated.ts):
// their functions then come from the code cache, not from 100 kB of source parsed and compiled
// at every start. The build writes them just before the bundle, so both come from the same schemas;
// schemas edited after the build are still found by their hash, and compiled at run time.
const validatorsInside = {
  name: "validators-inside",
  setup(b) {
    b.onResolve({ filter: /\/generated\.js$/ }, (args) => {
      const file = join(args.resolveDir, args.path);
      return file === join(dist, "validate", "generated.js") ? { path: "validate/generated.js", namespace: "validators-inside" } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: "validators-inside" }, () => ({
      contents: `export function generatedValidators() { return require("./generated/validators.cjs"); }`,
      loader: "js",
      resolveDir: dist,
    }));
  },
};

// string-width (yargs' help layout; three copies under yargs, cliui and wrap-ansi) builds an
// Intl.Segmenter and emoji expressions when loaded: 20 ms at every start for text only help and
// usage errors lay out. Each import of it gets a stand-in that loads the real one on first call.
const lazyStringWidth = {
  name: "lazy-string-width",
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await b.resolve("string-width", { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { real: true } });
      if (real.errors.length) return { errors: real.errors };
      return { path: real.path, namespace: "lazy-string-width" };
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-string-width" }, (args) => ({
      contents: `let width; export default function stringWidth(text, options) { width ??= require(${JSON.stringify(args.path)}).default; return width(text, options); }`,
      resolveDir: dirname(args.path),
      loader: "js",
    }));
  },
};

// the worker's tinypool stays a package of its own: Tinypool.move marks a result with a
// symbol of tinypool's module, which the pool's side of the worker (loaded by tinypool) must see
const bundleOf = async (entry, outfile, external = []) => {
  await esbuildOf(entry, outfile, external);
  // ASCII only, so the launcher reads it as Latin-1 (scripts/ascii-bundle.mjs says why)
  const file = join(dist, outfile);
  writeFileSync(file, asciiOnly(readFileSync(file, "utf8")));
};
const esbuildOf = (entry, outfile, external) => build({
  entryPoints: [join(dist, entry)],
  outfile: join(dist, outfile),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  external,
  banner: { js: [
    // taken before any module runs: a package's own top-level \`__dirname\` (yargs declares one) reuses the name
    `const __peDir = __dirname;`,
    `const __peModuleUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__peDir, rel)).href;`,
    // the package folder as Node resolves a bare name: node_modules/<pkg> in this folder or the nearest one above
    `const __pePackageUrl = (pkg, rel) => { const { join, dirname } = require("node:path"); for (let d = __peDir; ; d = dirname(d)) { const p = join(d, "node_modules", pkg); if (require("node:fs").existsSync(join(p, "package.json"))) return require("node:url").pathToFileURL(join(p, rel)).href; if (dirname(d) === d) return require("node:url").pathToFileURL(join(__peDir, rel)).href; } };`,
  ].join("\n") },
  plugins: [packagesOutside, validatorsInside, lazyStringWidth, ownUrl],
  logLevel: "warning",
});
await bundleOf("cli.js", "cli.cjs");
// the launcher itself, for bin/policy-extract.js (CommonJS, so Node starts without its ES module loader)
await esbuildOf("launch.js", "launch.cjs", []);
await bundleOf("parallel/extract-worker.js", "worker.cjs", ["tinypool"]);

// the code caches: compiled after real work, so each holds what a build runs
const { compileBundle, CLI, WORKER } = await import(join(dist, "launch.js"));
const { RECORD_TYPES } = await import(join(dist, "generated", "records.js"));
const seeds = join(root, "seeds");
const out = mkdtempSync(join(tmpdir(), "pe-bundle-"));
try {
  const cli = compileBundle(CLI, false);
  const code = await cli.exports.main(["build", "--in", seeds, "--out", join(out, "out"), "--quiet", "--no-cache"]);
  if (code !== 0) throw new Error(`the warm-up build of the seeds exited ${code}`);
  writeFileSync(CLI.cache, cli.script.createCachedData());
  // a worker's job, here in this thread: each seed, rendered as a build asks
  const worker = compileBundle(WORKER, false);
  for (const name of readdirSync(seeds).filter((n) => !n.startsWith(".")).sort()) {
    const r = await worker.exports.default({ path: join(seeds, name), types: RECORD_TYPES, cacheDir: null, render: true });
    if (!r || r.ok === false) throw new Error(`the warm-up job of the worker failed on ${name}`);
  }
  writeFileSync(WORKER.cache, worker.script.createCachedData());
} finally {
  rmSync(out, { recursive: true, force: true });
}
