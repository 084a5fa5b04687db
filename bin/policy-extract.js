#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` via `prepare`).
// CommonJS (bin/package.json): Node starts a CommonJS entry without its ES module
// loader, about 10 ms of every run (README, "Speed").
// `--version` and `--help` alone are answered without loading the CLI and its
// libraries (a third of a second): the version from package.json, the help text
// as yargs rendered it at build time (scripts/gen-help.mjs writes dist/help.txt).
"use strict";
const { readFileSync } = require("node:fs");
const { join } = require("node:path");

// SIGINT / SIGTERM at any moment: remove what the build was writing (src/emit/atomic.ts registers
// its cleanup under this symbol once loaded) and exit 130 / 143. Installed first, so no window
// of the start-up is left to the default action.
const onSignal = (code) => () => {
  try { globalThis[Symbol.for("policy-extract.cleanup")]?.(); } finally { process.exit(code); }
};
process.on("SIGINT", onSignal(130));
process.on("SIGTERM", onSignal(143));

// a reader that stops early (`… | head`) is no error: stop quietly. The guard goes on when
// process.stdout is first asked for, by whatever writes (the CLI, yargs, console): Node makes the
// stream then, and making it (for a pipe, a socket with Node's net module) was about 3.5 % of the
// instructions of a one-file build that never writes to stdout (a quiet build).
const stdoutOf = Object.getOwnPropertyDescriptor(process, "stdout");
if (stdoutOf && stdoutOf.configurable && stdoutOf.get) {
  let guarded = false;
  Object.defineProperty(process, "stdout", {
    configurable: true,
    enumerable: stdoutOf.enumerable,
    get() {
      const stream = stdoutOf.get.call(process);
      if (!guarded) { guarded = true; stream.on("error", (e) => { if (e.code === "EPIPE") process.exit(0); throw e; }); }
      return stream;
    },
  });
} else {
  process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(0); throw e; });
}

// yargs drops a lone "-" (stdin): carry it through as a sentinel the CLI maps back
const args = process.argv.slice(2).map((a) => (a === "-" ? "\u0000stdin" : a));
const fast = process.env.POLICY_EXTRACT_NO_FASTPATH ? null : args.length === 1 ? args[0] : null;
let text = null;
if (fast === "--version") {
  text = JSON.parse(readFileSync(join(__dirname, "..", "package.json"), "utf8")).version + "\n";
} else if (fast === "--help") {
  try { text = readFileSync(join(__dirname, "..", "dist", "help.txt"), "utf8"); } catch { text = null; }
}
if (text !== null) {
  process.stdout.write(text);
} else {
  // the bundled CLI with its code cache when the build made them (src/launch.ts, bundled as
  // dist/launch.cjs; a checkout built by tsc alone has only the module)
  // dist/launch.cjs, unless a bare `tsc` has compiled the module since (then it is stale)
  const { statSync } = require("node:fs");
  const mtime = (f) => statSync(join(__dirname, "..", "dist", f), { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const launcher = () => (mtime("launch.cjs") >= mtime("launch.js") ? Promise.resolve(require("../dist/launch.cjs")) : import("../dist/launch.js"));
  launcher().then(({ loadMain }) => loadMain()).then((main) => main(args)).then((code) => { process.exitCode = code; });
}
