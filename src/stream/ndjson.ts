import { basename } from "node:path";
import { extractInput, extractSource, type InputFailure } from "../pipeline/extract-input.js";
import type { RecordType } from "../generated/records.js";
import { ingestBytes, InputError } from "../ingest/index.js";
import { validateRecords } from "../validate/schemas.js";

/**
 * `extract --ndjson`: records as newline-delimited JSON, one per line, each with
 * its `record_type` first, input by input as they are read (nothing is held for
 * the whole run). This is the unit a sharding engine runs per input: GNU parallel,
 * Hadoop streaming, Spark's `pipe` (README, "Sharding"). `-` reads one document
 * from stdin. An invalid record is reported as that input's failure, not written.
 */
export async function extractNdjson(
  files: readonly string[],
  types: readonly RecordType[],
  opts: { maxInputBytes?: number; stdinName: string; write: (s: string) => void },
): Promise<InputFailure[]> {
  const failures: InputFailure[] = [];
  for (const f of files) {
    let records;
    if (f === "-") {
      try {
        const bytes = await readStdin(opts.maxInputBytes);
        records = extractSource(await ingestBytes(basename(opts.stdinName), bytes), types).records;
      } catch (e) {
        failures.push(e instanceof InputError ? { file: e.file, reason: e.reason } : { file: opts.stdinName, reason: `internal error: ${(e as Error).message}` });
        continue;
      }
    } else {
      const r = await extractInput(f, types, opts.maxInputBytes);
      if (!r.ok) { failures.push(r.failure); continue; }
      records = r.records;
    }
    const bad = types.flatMap((t) => validateRecords(t, records[t]));
    if (bad.length) { failures.push({ file: basename(f), reason: `invalid ${bad[0]!.type} record at line ${bad[0]!.source_line}: ${bad[0]!.message}` }); continue; }
    const lines: string[] = [];
    for (const t of types) for (const rec of records[t]) lines.push(JSON.stringify({ record_type: t, ...rec }));
    if (lines.length) opts.write(lines.join("\n") + "\n");
  }
  return failures;
}

async function readStdin(max = Infinity): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of process.stdin) {
    n += (c as Buffer).length;
    if (n > max) throw new InputError("stdin", "larger than the input limit (see --max-input-mb)");
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

