import { readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Tables a module derives from the data, written once by `npm run build`
 * (scripts/gen-tables.mjs, into dist/generated/) so that a process reads them
 * instead of deriving them at every start, when none of the deriving code has
 * been compiled yet (the gazetteer's trie, the division stems of project names).
 * The module's own derivation stays the source of truth: a test compares each
 * table with it, and a module reads its table only when the table was written
 * after the module was compiled (a bare `tsc` since leaves it stale: the module
 * then derives its own, as it does under vitest, which runs the sources).
 */

/** dist/generated/, beside this module's folder (dist/shared/) */
const GENERATED = join(dirname(fileURLToPath(import.meta.url)), "..", "generated");

/** The table `file` of dist/generated/, or null when it is missing or older than the module at `moduleUrl` (its import.meta.url). */
export function builtTable<T>(moduleUrl: string, file: string): T | null {
  try {
    const path = join(GENERATED, file);
    if (statSync(path).mtimeMs < statSync(fileURLToPath(moduleUrl)).mtimeMs) return null;
    // ASCII (scripts/gen-tables.mjs escapes the rest): read as Latin-1, the bytes are the text, with no UTF-8 to decode
    return JSON.parse(readFileSync(path, "latin1")) as T;
  } catch {
    return null;
  }
}
