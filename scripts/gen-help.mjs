#!/usr/bin/env node
// Renders `policy-extract --help` once at build time into dist/help.txt, so the
// launcher (bin/policy-extract.js) can print it without loading yargs and the
// library. The text comes from the CLI's own yargs definitions: nothing is written twice.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const r = spawnSync(process.execPath, [join(root, "bin", "policy-extract.js"), "--help"], {
  env: { ...process.env, POLICY_EXTRACT_NO_FASTPATH: "1" },
  encoding: "utf8",
});
if (r.status !== 0 || !r.stdout) {
  process.stderr.write(`gen-help: policy-extract --help failed (exit ${r.status}): ${r.stderr}\n`);
  process.exit(1);
}
writeFileSync(join(root, "dist", "help.txt"), r.stdout);
