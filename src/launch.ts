import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

/**
 * How the launcher (bin/policy-extract.js) loads the CLI. `npm run build` bundles
 * the compiled modules into one CommonJS script, dist/cli.cjs (scripts/bundle-cli.mjs,
 * with esbuild; with the packages it imports statically), and keeps V8's code cache of it after a
 * build of the seeds, dist/cli.cjs.cache. Loaded with that cache, the functions a
 * build runs need no parsing or compiling to bytecode: a build of the seeds takes
 * about a tenth less (README, "Speed"). V8 checks the cache against its version,
 * its flags and the script, and compiles as usual when it does not fit (a Node
 * upgraded since the build). Without the bundle (a checkout built by tsc alone),
 * the modules are imported as they are. The bundle holds no import(): packages
 * loaded on demand come through src/packages.ts, a module outside it.
 */

type Main = (args: string[]) => Promise<number>;

const DIST = dirname(fileURLToPath(import.meta.url));
export const BUNDLE = join(DIST, "cli.cjs");
export const CODE_CACHE = join(DIST, "cli.cjs.cache");

/** The bundle compiled (with the code cache when it fits), and its exports once run. */
export function compileBundle(useCache: boolean): { script: Script; main: Main; cacheRejected: boolean } {
  const source = readFileSync(BUNDLE, "utf8");
  let cachedData: Buffer | undefined;
  if (useCache) { try { cachedData = readFileSync(CODE_CACHE); } catch { cachedData = undefined; } }
  // the module wrapper CommonJS gives every file, so the bundle sees require, module and __dirname
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: BUNDLE,
    cachedData,
  });
  const module = { exports: {} as { main: Main } };
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, createRequire(BUNDLE), module, BUNDLE, DIST);
  return { script, main: module.exports.main, cacheRejected: cachedData !== undefined && script.cachedDataRejected === true };
}

/** The CLI's `main`: from the bundle when the build made one, else from the compiled modules. */
export async function loadMain(): Promise<Main> {
  if (!process.env.POLICY_EXTRACT_NO_BUNDLE && bundleIsCurrent()) return compileBundle(true).main;
  const { main } = await import("./cli.js");
  return main;
}

/** The bundle exists and was made after the modules were last compiled (a bare `tsc` since leaves it stale: not used). */
export function bundleIsCurrent(): boolean {
  try {
    return statSync(BUNDLE).mtimeMs >= statSync(join(DIST, "cli.js")).mtimeMs;
  } catch {
    return false;
  }
}
