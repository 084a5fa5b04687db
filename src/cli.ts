import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import yargs from "yargs";
import { build, columnsOf, extractInputs } from "./api.js";
import { OutputError } from "./emit/atomic.js";
import { toCsv } from "./emit/csv.js";
import { toJson } from "./emit/json.js";
import { RECORD_TYPES, type RecordType } from "./generated/records.js";
import { validateRecords } from "./validate/schemas.js";
import { VERSION } from "./version.js";

/** Exit codes: the contract with nightly jobs. */
export const EXIT = { OK: 0, INPUT_FAILED: 1, USAGE: 2, INVALID: 3 } as const;

function parseTypes(s: string | undefined): RecordType[] {
  if (!s) return [...RECORD_TYPES];
  const list = s.split(",").map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((x) => !(RECORD_TYPES as readonly string[]).includes(x));
  if (bad.length) throw new UsageError(`unknown type(s): ${bad.join(", ")} (types: ${RECORD_TYPES.join(", ")})`);
  return list as RecordType[];
}

class UsageError extends Error {}

/** Outputs whose bytes no longer match the sha256 the manifest recorded for them. */
async function changedOutputs(dir: string): Promise<string[]> {
  const m = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8")) as { outputs?: Array<{ name: string; sha256: string }> };
  const bad: string[] = [];
  for (const o of m.outputs ?? []) {
    const bytes = await readFile(join(dir, o.name)).catch(() => null);
    if (!bytes) bad.push(`${o.name}: listed in manifest.json but missing`);
    else if (createHash("sha256").update(bytes).digest("hex") !== o.sha256) bad.push(`${o.name}: changed since the build (sha256 differs from manifest.json)`);
  }
  return bad;
}

interface Io { out: (s: string) => void; err: (s: string) => void }

export async function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): Promise<number> {
  let code: number = EXIT.OK;
  const reportFailures = (failures: Array<{ file: string; reason: string }>) => {
    for (const f of failures) io.err(`${f.file}: ${f.reason}\n`);
    if (failures.length) code = Math.max(code, EXIT.INPUT_FAILED);
  };
  const parser = yargs(argv)
    .scriptName("policy-extract")
    .usage("$0 <command> [options]\n\nTurn Chinese policy documents (.txt, .html, .pdf, .docx) into validated datasets.")
    .command("build", "extract every record type from the inputs into an output directory (JSON, CSV, manifest)", (y) => y
      .option("in", { type: "string", array: true, default: ["seeds"], describe: "input files or directories" })
      .option("out", { type: "string", default: "out", describe: "output directory (replaced atomically)" })
      .option("types", { type: "string", describe: `comma-separated subset of ${RECORD_TYPES.join(",")}` }),
    async (a) => {
      const res = await build({ inputs: a.in, out: a.out, types: parseTypes(a.types) });
      reportFailures(res.failures);
      if (res.invalid.length) {
        for (const i of res.invalid) io.err(`invalid ${i.type} record at ${i.source_file}:${i.source_line}: ${i.message}\n`);
        code = EXIT.INVALID;
        return;
      }
      if (!res.written) {
        io.err(`${a.out}: not written: no input could be read (previous output kept)\n`);
        code = EXIT.INPUT_FAILED;
        return;
      }
      const counts = Object.entries(res.counts).map(([t, n]) => `${t} ${n}`).join(", ");
      io.err(`built ${a.out}: ${res.inputs.length} input(s); ${counts}\n`);
    })
    .command("extract <file>", "extract records from one file to stdout", (y) => y
      .positional("file", { type: "string", demandOption: true })
      .option("type", { type: "string", describe: "record type (default: all, JSON object keyed by type)" })
      .option("format", { choices: ["json", "csv"] as const, default: "json" as const }),
    async (a) => {
      const types = parseTypes(a.type);
      if (a.format === "csv" && types.length !== 1) throw new UsageError("--format csv needs one --type");
      const res = await extractInputs([a.file!], types);
      reportFailures(res.failures);
      const invalid = types.flatMap((t) => validateRecords(t, res.records[t]));
      for (const i of invalid) io.err(`invalid ${i.type} record at ${i.source_file}:${i.source_line}: ${i.message}\n`);
      if (invalid.length) code = EXIT.INVALID;
      if (a.format === "csv") io.out(toCsv(columnsOf(types[0]!), res.records[types[0]!] as unknown as Record<string, unknown>[]));
      else io.out(toJson(types.length === 1 ? res.records[types[0]!] : Object.fromEntries(types.map((t) => [t, res.records[t]]))).trimEnd() + "\n");
    })
    .command("validate <dir>", "re-check a built directory against schemas/", (y) => y.positional("dir", { type: "string", demandOption: true }),
    async (a) => {
      const names = await readdir(a.dir!).catch(() => { throw new UsageError(`${a.dir}: not a readable directory`); });
      let n = 0, files = 0;
      for (const t of RECORD_TYPES) {
        if (!names.includes(`${t}.json`)) continue;
        let data: unknown;
        try { data = JSON.parse(await readFile(join(a.dir!, `${t}.json`), "utf8")); } catch (e) {
          io.err(`${t}.json: not valid JSON (${(e as Error).message})\n`); code = EXIT.INVALID; continue;
        }
        if (!Array.isArray(data)) { io.err(`${t}.json: not a JSON array\n`); code = EXIT.INVALID; continue; }
        const issues = validateRecords(t, data);
        for (const i of issues) io.err(`invalid ${i.type} record at ${i.source_file}:${i.source_line}: ${i.message}\n`);
        if (issues.length) code = EXIT.INVALID;
        n += data.length;
        files++;
      }
      if (!files) throw new UsageError(`${a.dir}: no <type>.json files to validate (types: ${RECORD_TYPES.join(", ")})`);
      // the manifest's hashes tell whether a file was changed after the build
      if (names.includes("manifest.json")) {
        const bad = await changedOutputs(a.dir!).catch((e: Error) => [`manifest.json: unreadable (${e.message})`]);
        for (const b of bad) io.err(`${b}\n`);
        if (bad.length) code = EXIT.INVALID;
      }
      io.err(`${a.dir}: ${n} record(s) checked${code === EXIT.INVALID ? ", some invalid" : ", all valid"}\n`);
    })
    .demandCommand(1, "name a command: build, extract or validate")
    .strict()
    .version(VERSION)
    .help()
    .exitProcess(false)
    .fail((msg, err) => { throw err ?? new UsageError(msg); });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof OutputError) {
      io.err(`policy-extract: ${e.message}\n`);
      return EXIT.USAGE;
    }
    if (e instanceof UsageError || (e as Error).name === "YError") {
      io.err(`policy-extract: ${(e as Error).message}\nRun 'policy-extract --help' for usage.\n`);
      return EXIT.USAGE;
    }
    io.err(`policy-extract: ${(e as Error).message}\n`);
    return EXIT.INPUT_FAILED;
  }
  return code;
}
