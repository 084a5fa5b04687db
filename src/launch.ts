import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Script } from "node:vm";

/**
 * How the launcher (bin/policy-extract.js) loads the CLI, and a worker thread its
 * job function. `npm run build` bundles each entry, with the modules and the
 * packages it imports statically, into one CommonJS script (scripts/bundle-cli.mjs,
 * esbuild), and keeps V8's code cache of it after a build of the seeds: dist/cli.cjs
 * and dist/worker.cjs, each with its `.cache`. Loaded with that cache, the functions
 * a build runs need no module resolution, parsing or compiling to bytecode: a build
 * of the seeds takes about a sixth less, and each worker starts in about a quarter
 * of the time (README, "Speed"). V8 checks the cache against its version, its flags
 * and the script, and compiles as usual when it does not fit (a Node upgraded since
 * the build). Without the bundle (a checkout built by tsc alone), the modules are
 * imported as they are. A bundle holds no import(): packages loaded on demand come
 * through src/packages.ts, a module outside it, required on first use. This module is
 * bundled too (dist/launch.cjs), for the CommonJS bin/policy-extract.js: a run that
 * reads only text then never starts Node's ES module loader.
 */

const DIST = dirname(fileURLToPath(import.meta.url));

/** One bundled entry: its script, V8's code cache of it, and the compiled module it was made from. */
export interface Bundle {
  file: string;
  cache: string;
  module: string;
}

export const CLI: Bundle = { file: join(DIST, "cli.cjs"), cache: join(DIST, "cli.cjs.cache"), module: join(DIST, "cli.js") };
export const WORKER: Bundle = { file: join(DIST, "worker.cjs"), cache: join(DIST, "worker.cjs.cache"), module: join(DIST, "parallel", "extract-worker.js") };

/** The bundle compiled (with the code cache when it fits), and its exports once run. */
export function compileBundle<T>(b: Bundle, useCache: boolean): { script: Script; exports: T; cacheRejected: boolean } {
  // the bundle is ASCII (scripts/ascii-bundle.mjs): read as Latin-1, it is the same text, in half the time of UTF-8
  const source = readFileSync(b.file, "latin1");
  let cachedData: Buffer | undefined;
  if (useCache) { try { cachedData = readFileSync(b.cache); } catch { cachedData = undefined; } }
  // the module wrapper CommonJS gives every file, so the bundle sees require, module and __dirname
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: b.file,
    cachedData,
  });
  const module = { exports: {} as T };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(b.file), module, b.file, dirname(b.file));
  return { script, exports: module.exports, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}

/** An entry's exports: from its bundle when the build made one, else from the compiled modules. */
export async function loadEntry<T>(b: Bundle): Promise<T> {
  if (!process.env.POLICY_EXTRACT_NO_BUNDLE && bundleIsCurrent(b)) return compileBundle<T>(b, true).exports;
  return (await import(pathToFileURL(b.module).href)) as T;
}

type Main = (args: string[]) => Promise<number>;

/** The CLI's `main`. */
export async function loadMain(): Promise<Main> {
  return (await loadEntry<{ main: Main }>(CLI)).main;
}

/** The bundle exists and was made after the modules were last compiled (a bare `tsc` since leaves it stale: not used). */
export function bundleIsCurrent(b: Bundle): boolean {
  try {
    return statSync(b.file).mtimeMs >= statSync(b.module).mtimeMs;
  } catch {
    return false;
  }
}
