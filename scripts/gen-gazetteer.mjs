#!/usr/bin/env node
// Writes dist/generated/gazetteer.json: the divisions and the place-name trie of
// src/shared/gazetteer.ts, derived from the data (src/data/divisions.json, regions.json,
// the region overlays) by that module's own gazetteerTable(). Run by `npm run build`,
// after tsc and before the bundle. Deriving them at every start cost 30-40 ms a process;
// reading this file costs a few. The module uses it only when it was written after the
// module was compiled, so a stale file is never read.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const { gazetteerTable } = await import(join(dist, "shared", "gazetteer.js"));
const file = join(dist, "generated", "gazetteer.json");
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, JSON.stringify(gazetteerTable()));
