import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/**
 * The validators scripts/gen-validators.mjs precompiled from schemas/
 * (generated/validators.cjs), or null when the build has not made them. A module
 * of its own so that the bundle can hold that file in place of this module
 * (scripts/bundle-cli.mjs): its functions then come with the bundle's code cache.
 * Required from here at run time, its 100 kB of source were parsed and its
 * validators compiled at every start, about 5 % of a one-file build's instructions.
 */
export function generatedValidators(): unknown {
  try { return require("../generated/validators.cjs"); } catch { return null; }
}
