#!/usr/bin/env node
// `npm run score [-- --explain]`: scores out/ against the development gold with the
// scorer that lives beside the repository (../shared/score.mjs). Outside the
// development workspace there is no gold: say so in one line instead of a stack trace.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const shared = join(root, "..", "shared");
const scorer = join(shared, "score.mjs");
if (!existsSync(scorer)) {
  process.stderr.write(`score: no scorer at ${scorer} (the gold and scorer live beside the repository in the development workspace only)\n`);
  process.exit(2);
}
if (!existsSync(join(root, "out", "manifest.json"))) {
  process.stderr.write("score: no build in out/: run `npm start` first\n");
  process.exit(2);
}
const args = process.argv.slice(2);
const r = spawnSync(process.execPath, [scorer, "--out", join(root, "out"), "--gold", join(shared, "gold"), ...args], { stdio: "inherit" });
process.exit(r.status ?? 1);
