import { readFile, readdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import yargs from "yargs";
import { build, columnsOf, DEFAULT_CACHE_MAX_AGE_DAYS, extractInputs } from "./api.js";
import { OutputError, OutputWriteError } from "./emit/atomic.js";
import { fileSha256 } from "./emit/file-hash.js";
import { lowerBackgroundThreads } from "./parallel/background-priority.js";
import { listTree } from "./emit/out-guard.js";
import { toCsv } from "./emit/csv.js";
import { toJson } from "./emit/json.js";
import { RECORD_TYPES, type RecordType } from "./generated/records.js";
import { validateRecords } from "./validate/schemas.js";
import { progressBar } from "./report/progress.js";
import { summaryTable } from "./report/summary.js";
import { VERSION } from "./version.js";

/** Exit codes: the contract with nightly jobs (README, "Exit codes"). */
export const EXIT = { OK: 0, INPUT_FAILED: 1, USAGE: 2, INVALID: 3, OUTPUT: 4, SIGINT: 130, SIGTERM: 143 } as const;

const EXIT_HELP = `Exit codes:
  0    all good
  1    some input failed (one line FILE: reason each; the rest was built)
  2    usage error, or an --out that must not be replaced (nothing touched)
  3    a record failed schema validation, or validate found a bad output
  4    the output could not be written (disk full, read-only, permission,
       another build writing it); the previous output is kept
  130  interrupted (SIGINT), 143 terminated (SIGTERM): temp files removed`;

class UsageError extends Error {}

/**
 * yargs renders the whole help text of a command each time it runs one, and keeps it
 * for a `showHelp()` the handler might call later: 25–40 ms of every build, most of it
 * measuring strings for the layout. No handler here shows help (`.fail` throws, and
 * `--help` is answered before a handler runs), so the copy is never made. The hook is
 * yargs' own (usage.cacheHelpMessage, in 17 and 18); if a later yargs renames it, this does
 * nothing, and a test says so.
 */
export function skipHelpCache(parser: object): boolean {
  const usage = (parser as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } })
    .getInternalMethods?.().getUsageInstance?.();
  if (!usage || typeof usage.cacheHelpMessage !== "function") return false;
  usage.cacheHelpMessage = () => {};
  return true;
}

/** A lone "-" on the command line, as bin/policy-extract.js passes it (yargs would drop it). */
const STDIN = "\u0000stdin";

function daysOf(n: number): number {
  if (Number.isNaN(n) || n < 0) throw new UsageError(`--cache-max-age must be a number of days ≥ 0 (got ${n})`);
  return n;
}

function jobsOf(n: number): number {
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--jobs must be a whole number ≥ 0 (got ${n})`);
  return n;
}

function mbToBytes(mb: number): number {
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError(`--max-input-mb must be a positive number (got ${mb})`);
  return Math.floor(mb * 1024 * 1024);
}

function parseTypes(s: string | undefined): RecordType[] {
  if (!s) return [...RECORD_TYPES];
  const list = s.split(",").map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((x) => !(RECORD_TYPES as readonly string[]).includes(x));
  if (bad.length) throw new UsageError(`unknown type(s): ${bad.join(", ")} (types: ${RECORD_TYPES.join(", ")})`);
  return list as RecordType[];
}

/** A line of text with its control characters made visible, so every message stays one line. */
export const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);

/**
 * An option written before the command (`--verbose build`): yargs would take the
 * command word as the option's value and then ask for a command. Name the option.
 */
function unknownLeadingOption(argv: readonly string[]): string | null {
  for (const a of argv) {
    if (!a.startsWith("-")) return null; // the command word: options after it are checked by yargs
    const name = a.replace(/^-+/, "").split("=")[0]!;
    if (name !== "help" && name !== "version") return a.split("=")[0]!;
  }
  return null;
}

/**
 * yargs names an unknown option twice (bogus-flag, bogusFlag: its camel-case
 * copy) and mixes options with stray words: name each once, as typed.
 */
function plainUnknown(msg: string, argv: readonly string[]): string {
  const m = /^Unknown arguments?: (.*)$/.exec(msg);
  if (!m) return msg;
  const names = m[1]!.split(", ");
  const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  const kept = names.filter((n) => !names.some((o) => o !== n && o.includes("-") && camel(o) === n));
  const typedAsOption = (n: string) => argv.some((a) => a === `--${n}` || a.startsWith(`--${n}=`) || a === `-${n}`);
  return kept.map((n) => (typedAsOption(n) ? `unknown option ${n.length === 1 ? "-" : "--"}${n}` : `unexpected argument '${n}'`)).join("; ");
}

interface ManifestShape { tool?: unknown; outputs?: Array<{ name: string; sha256: string }> }

/** Checks of a built directory beyond the schemas: manifest present, every listed file present and unchanged, nothing unlisted. */
async function checkFiles(dir: string): Promise<string[]> {
  let m: ManifestShape;
  try { m = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")); } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    return [missing ? "manifest.json: missing: not a policy-extract build, or its manifest was removed" : `manifest.json: unreadable (${(e as Error).message})`];
  }
  const bad: string[] = [];
  const listed = new Set(["manifest.json"]);
  for (const o of m.outputs ?? []) {
    listed.add(o.name);
    for (let i = o.name.indexOf("/"); i > 0; i = o.name.indexOf("/", i + 1)) listed.add(`${o.name.slice(0, i)}/`);
    const sha = fileSha256(join(dir, o.name));
    if (sha === null) bad.push(`${o.name}: listed in manifest.json but missing`);
    else if (sha !== o.sha256) bad.push(`${o.name}: changed since the build (sha256 differs from manifest.json)`);
  }
  for (const e of await listTree(dir)) if (!listed.has(e)) bad.push(`${e}: not written by the build (not listed in manifest.json)`);
  return bad;
}

interface Io { out: (s: string) => void; err: (s: string) => void }
const PROCESS_IO: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argvIn: string[], io: Io = PROCESS_IO): Promise<number> {
  let code: number = EXIT.OK;
  // `--` ends the options: what follows is file names, even when they start with '-'
  const dd = argvIn.indexOf("--");
  const argv = dd >= 0 ? argvIn.slice(0, dd) : argvIn;
  const afterDashes = dd >= 0 ? argvIn.slice(dd + 1) : [];
  const reportFailures = (failures: Array<{ file: string; reason: string }>) => {
    for (const f of failures) io.err(`${oneLine(f.file)}: ${oneLine(f.reason)}\n`);
    if (failures.length) code = Math.max(code, EXIT.INPUT_FAILED);
  };
  const usage = (msg: string) => { io.err(`policy-extract: ${oneLine(msg)}\nRun 'policy-extract --help' for usage.\n`); return EXIT.USAGE; };
  const bad = unknownLeadingOption(argv);
  if (bad) return usage(`unknown option ${bad}`);
  const parser = yargs(argv)
    .scriptName("policy-extract")
    .usage("$0 <command> [options]\n\nTurn Chinese policy documents (.txt, .html, .pdf, .docx) into validated datasets.")
    .command("build", "extract every record type from the inputs into an output directory (JSON, CSV, manifest)", (y) => y
      .option("in", { type: "string", array: true, describe: "input files or directories [default: seeds]" })
      .option("out", { type: "string", default: "out", describe: "output directory (replaced atomically)" })
      .option("types", { type: "string", describe: `comma-separated subset of ${RECORD_TYPES.join(",")}` })
      .option("drop-other-types", { type: "boolean", default: false, describe: "with --types: replace an output that holds other types (they are dropped)" })
      .option("max-input-mb", { type: "number", default: 200, describe: "inputs larger than this fail with one line" })
      .option("jobs", { type: "number", default: 1, describe: "worker threads over the inputs (0 = one per core); output is identical" })
      .option("cache", { type: "boolean", default: true, describe: "reuse what unchanged inputs gave last time (--no-cache: build from scratch); output is identical" })
      .option("cache-dir", { type: "string", describe: "cache directory [default: .policy-extract-cache beside --out]" })
      .option("cache-max-age", { type: "number", default: DEFAULT_CACHE_MAX_AGE_DAYS, describe: "after the build, remove cache entries no build used for this many days (0 = all this build did not use)" })
      .option("quiet", { type: "boolean", default: false, describe: "print nothing but errors (no progress bar, no report)" }),
    async (a) => {
      const inputs = [...(a.in ?? []), ...afterDashes];
      {
        // the bar only on a terminal (src/report/progress.ts); the report on stdout unless --quiet
        const progress = await progressBar(!a.quiet && io === PROCESS_IO && process.stderr.isTTY === true);
        // a build in this one thread: V8's compiler and collector threads yield the core to it (src/parallel/background-priority.ts)
        if (io === PROCESS_IO && jobsOf(a.jobs) === 1) lowerBackgroundThreads();
        const res = await build({ inputs: inputs.length ? inputs : ["seeds"], out: a.out, types: parseTypes(a.types), dropOtherTypes: a["drop-other-types"], maxInputBytes: mbToBytes(a["max-input-mb"]), threads: jobsOf(a.jobs),
          cacheDir: a.cache ? a["cache-dir"] ?? join(dirname(resolve(a.out)), ".policy-extract-cache") : null, cacheMaxAgeDays: daysOf(a["cache-max-age"]), onInput: progress.onInput }).finally(() => progress.stop());
        reportFailures(res.failures);
        if (res.invalid.length) {
          for (const i of res.invalid) io.err(`invalid ${i.type} record at ${oneLine(i.source_file)}:${i.source_line}: ${i.message}\n`);
          code = EXIT.INVALID;
          return;
        }
        if (!res.written) {
          io.err(`${oneLine(a.out)}: not written: no input could be read (previous output kept)\n`);
          code = EXIT.INPUT_FAILED;
          return;
        }
        if (a.quiet) return;
        io.out(summaryTable({ ...res, types: parseTypes(a.types) }));
        const counts = Object.entries(res.counts).map(([t, n]) => `${t} ${n}`).join(", ");
        io.err(`built ${oneLine(a.out)}: ${res.inputs.length} input(s); ${counts}\n`);
        const pr = res.cachePruned;
        if (pr?.removed) io.err(`cache: removed ${pr.removed} entr${pr.removed === 1 ? "y" : "ies"} no build used for ${a["cache-max-age"]} day(s) (${(pr.bytes / 1048576).toFixed(1)} MB)\n`);
      }
    })
    .command("extract [files..]", "extract records from one file to stdout (several, or - for stdin, with --ndjson)", (y) => y
      .positional("files", { type: "string", array: true, describe: "input file (after -- when its name starts with '-')" })
      .option("type", { type: "string", describe: "record type (default: all, JSON object keyed by type)" })
      .option("format", { choices: ["json", "csv"] as const, default: "json" as const })
      .option("ndjson", { type: "boolean", default: false, describe: "one JSON record per line (with record_type), any number of inputs; - reads one document from stdin" })
      .option("stdin-name", { type: "string", default: "stdin.txt", describe: "with -: the file name records cite (its extension picks the reader)" })
      .option("max-input-mb", { type: "number", default: 200, describe: "an input larger than this fails with one line" })
      .option("explain", { type: "string", describe: "print why: each record's rule and each dropped candidate's reason (--explain, or --explain=json)" }),
    async (a) => {
      const files = [...(a.files ?? []), ...afterDashes].map((f) => (f === STDIN ? "-" : f));
      if (!files.length) throw new UsageError("extract: name an input file");
      const types = parseTypes(a.type);
      const maxInputBytes = mbToBytes(a["max-input-mb"]);
      if (a.explain !== undefined) {
        if (a.explain !== "" && a.explain !== "text" && a.explain !== "json") throw new UsageError("--explain takes no value, or json");
        if (files.length !== 1 || files[0] === "-") throw new UsageError("extract --explain: one input file");
        const { explainFile } = await import("./explain/file.js");
        const r = await explainFile(files[0]!, types, maxInputBytes, a.explain === "json");
        if (!r.ok) { reportFailures([r.failure]); return; }
        io.out(r.text);
        return;
      }
      if (a.ndjson) {
        const { extractNdjson } = await import("./stream/ndjson.js");
        const failures = await extractNdjson(files, types, { maxInputBytes, stdinName: a["stdin-name"], write: io.out });
        reportFailures(failures);
        return;
      }
      if (files.length > 1) throw new UsageError("extract: one file at a time (or --ndjson for several)");
      const file = files[0]!;
      if (a.format === "csv" && types.length !== 1) throw new UsageError("--format csv needs one --type");
      const res = await extractInputs([file], types, { maxInputBytes });
      reportFailures(res.failures);
      if (res.failures.length) return; // nothing on stdout for an input that failed
      const invalid = types.flatMap((t) => validateRecords(t, res.records[t]));
      for (const i of invalid) io.err(`invalid ${i.type} record at ${oneLine(i.source_file)}:${i.source_line}: ${i.message}\n`);
      if (invalid.length) { code = EXIT.INVALID; return; }
      if (a.format === "csv") io.out(toCsv(columnsOf(types[0]!), res.records[types[0]!] as unknown as Record<string, unknown>[]));
      else io.out(toJson(types.length === 1 ? res.records[types[0]!] : Object.fromEntries(types.map((t) => [t, res.records[t]]))).trimEnd() + "\n");
    })
    .command("merge <shards..>", "combine the build directories of shards into one (the same bytes as one build of all inputs)", (y) => y
      .positional("shards", { type: "string", array: true, demandOption: true })
      .option("out", { type: "string", demandOption: true, describe: "output directory (replaced atomically)" }),
    async (a) => {
      const { mergeBuilds, MergeError } = await import("./merge/merge.js");
      try {
        const res = await mergeBuilds(a.shards as string[], a.out);
        const counts = Object.entries(res.counts).filter(([, n]) => n).map(([t, n]) => `${t} ${n}`).join(", ");
        io.err(`merged ${oneLine(a.out)}: ${(a.shards as string[]).length} shard(s), ${res.inputs.length} input(s); ${counts}\n`);
      } catch (e) {
        if (e instanceof MergeError) { io.err(`policy-extract: ${oneLine(e.message)}\n`); code = EXIT.INVALID; return; }
        throw e;
      }
    })
    .command("validate [dir]", "re-check a built directory: schemas/, manifest hashes, no unlisted files", (y) => y.positional("dir", { type: "string" }),
    async (a) => {
      const dir = a.dir ?? afterDashes[0];
      if (!dir) throw new UsageError("validate: name a built directory");
      const names = await readdir(dir).catch(() => { throw new UsageError(`${dir}: not a readable directory`); });
      let n = 0, files = 0, invalidRecords = 0;
      for (const t of RECORD_TYPES) {
        if (!names.includes(`${t}.json`)) continue;
        let data: unknown;
        try { data = JSON.parse(await readFile(join(dir, `${t}.json`), "utf8")); } catch (e) {
          io.err(`${t}.json: not valid JSON (${oneLine((e as Error).message)})\n`); invalidRecords++; files++; continue;
        }
        if (!Array.isArray(data)) { io.err(`${t}.json: not a JSON array\n`); invalidRecords++; files++; continue; }
        const issues = validateRecords(t, data);
        for (const i of issues) io.err(`invalid ${i.type} record at ${oneLine(i.source_file)}:${i.source_line}: ${i.message}\n`);
        invalidRecords += issues.length;
        n += data.length;
        files++;
      }
      if (!files) throw new UsageError(`${dir}: no <type>.json files to validate (types: ${RECORD_TYPES.join(", ")})`);
      const fileIssues = await checkFiles(dir);
      for (const b of fileIssues) io.err(`${oneLine(b)}\n`);
      if (invalidRecords || fileIssues.length) code = EXIT.INVALID;
      const schema = invalidRecords ? `schema check FAILED (${invalidRecords} invalid)` : "schema check ok";
      const manifest = fileIssues.length ? `manifest check FAILED (${fileIssues.length} problem(s))` : "manifest check ok";
      io.err(`${oneLine(dir)}: ${n} record(s); ${schema}; ${manifest}\n`);
    })
    .command("diff <old> <new>", "compare two build directories by record id (exit 0 same, 1 different, 2 trouble)", (y) => y
      .positional("old", { type: "string", demandOption: true })
      .positional("new", { type: "string", demandOption: true })
      .option("format", { choices: ["text", "json", "md"] as const, default: "text" as const }),
    async (a) => {
      const { diffBuilds, formatJson, formatMarkdown, formatText, isEmpty, DiffInputError } = await import("./diff/diff.js");
      let d;
      try { d = await diffBuilds(a.old!, a.new!); } catch (e) {
        if (e instanceof DiffInputError) throw new UsageError(e.message);
        throw e;
      }
      io.out(a.format === "json" ? formatJson(d) : a.format === "md" ? formatMarkdown(d) : formatText(d));
      code = isEmpty(d) ? EXIT.OK : 1;
    })
    .demandCommand(1, "name a command: build, extract, validate, diff or merge")
    .strict()
    .version(VERSION)
    .help()
    .epilogue(EXIT_HELP)
    .exitProcess(false)
    .fail((msg, err) => { throw err ?? new UsageError(plainUnknown(msg, argv)); });
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof OutputError) return usage((e as Error).message);
    if (e instanceof OutputWriteError) { io.err(`policy-extract: ${oneLine(e.message)}\n`); return EXIT.OUTPUT; }
    if (e instanceof UsageError || (e as Error).name === "YError") return usage((e as Error).message);
    io.err(`policy-extract: ${oneLine((e as Error).message)}\n`);
    return EXIT.INPUT_FAILED;
  }
  return code;
}
