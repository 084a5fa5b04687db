#!/usr/bin/env node
// Writes the tables modules derive from the data into dist/generated/ (src/shared/built-tables.ts
// says how they are read): each is what the compiled module's own function derives. Run by
// `npm run build`, after tsc and before the bundle. Deriving them at every start cost 30-50 ms
// a process, before any of the deriving code is compiled; reading them costs a few.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** [compiled module, its function deriving the table, the table's file in dist/generated/: .json, or .bin (binary, for numbers)] */
export const TABLES = [
  ["shared/gazetteer.js", "gazetteerTable", "gazetteer.bin"],
  ["extract/projects/lexicon.js", "divisionStemsTable", "division-stems.json"],
];

/**
 * The table as JSON in ASCII, each other character as its \\u escape: a process reads it as
 * Latin-1 (a copy of the bytes) and parses a one-byte string, where the UTF-8 of its place
 * names took longer to decode than the JSON took to parse (src/shared/built-tables.ts).
 */
export const asciiJson = (value) => JSON.stringify(value).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { encodeTable } = await import(pathToFileURL(join(dist, "shared", "built-tables.js")).href);
  for (const [module, derive, file] of TABLES) {
    const mod = await import(pathToFileURL(join(dist, module)).href);
    const out = join(dist, "generated", file);
    mkdirSync(dirname(out), { recursive: true });
    // a binary table is written by the compiled module that reads it (dist/shared/built-tables.js: one layout)
    writeFileSync(out, file.endsWith(".bin") ? encodeTable(mod[derive]()) : asciiJson(mod[derive]()));
  }
}
