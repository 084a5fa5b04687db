/**
 * The packages loaded only when an input or an option needs them (a PDF, a .docx,
 * worker threads, a progress bar), each by import() from this one module. The
 * bundled CLI (dist/cli.cjs, src/launch.ts) is a CommonJS script that leaves this
 * module outside it: an import() written in such a script needs a loader of its own
 * and fails when the script is read from V8's code cache, while here it is
 * Node's own import().
 */
export const loadCliProgress = () => import("cli-progress");
export const loadTinypool = () => import("tinypool");
export const loadYauzl = () => import("yauzl");
export const loadSaxes = () => import("saxes");
export const loadPdfParse = () => import("pdf-parse");
