#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli.js and the modules it imports; packages stay
// outside) into one CommonJS script, dist/cli.cjs, then builds the seeds once with it
// and writes V8's code cache of the functions that build compiled: dist/cli.cjs.cache.
// The launcher loads both (src/launch.ts). Each module's import.meta.url becomes its
// own file's URL, worked out from where the bundle lies, so paths it resolves
// (schemas/, package.json, the worker file, the native addon) stay what they were.
import { build } from "esbuild";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

// the module of lazily loaded packages stays a module of its own beside the bundle (src/packages.ts says why)
const packagesOutside = {
  name: "packages-outside",
  setup(b) {
    b.onResolve({ filter: /\/packages\.js$/ }, (args) => {
      const file = join(args.resolveDir, args.path);
      return file === join(dist, "packages.js") ? { path: "./packages.js", external: true } : undefined;
    });
  },
};

const ownUrl = {
  name: "import-meta-url",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const rel = relative(dist, args.path).split("\\").join("/");
      const code = readFileSync(args.path, "utf8").replaceAll("import.meta.url", `__peModuleUrl(${JSON.stringify(rel)})`);
      return { contents: code, loader: "js" };
    });
  },
};

await build({
  entryPoints: [join(dist, "cli.js")],
  outfile: join(dist, "cli.cjs"),
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  packages: "external",
  banner: { js: `const __peModuleUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;` },
  plugins: [packagesOutside, ownUrl],
  logLevel: "warning",
});

// the code cache: compiled after one real build, so it holds what a build runs
const { compileBundle, CODE_CACHE } = await import(join(dist, "launch.js"));
const { script, main } = compileBundle(false);
const out = mkdtempSync(join(tmpdir(), "pe-bundle-"));
try {
  const code = await main(["build", "--in", join(root, "seeds"), "--out", join(out, "out"), "--quiet", "--no-cache"]);
  if (code !== 0) throw new Error(`the warm-up build of the seeds exited ${code}`);
  writeFileSync(CODE_CACHE, script.createCachedData());
} finally {
  rmSync(out, { recursive: true, force: true });
}
