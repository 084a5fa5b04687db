import { basename } from "node:path";
import { ingestBytes, InputError, readInput } from "../ingest/index.js";
import type { RecordType } from "../generated/records.js";
import { explainSource, explainText } from "./explain.js";

/** Read one input and explain it; a bad input gives its one-line failure, as `extract` does. */
export async function explainFile(path: string, types: readonly RecordType[], maxInputBytes: number | undefined, json: boolean): Promise<{ ok: true; text: string } | { ok: false; failure: { file: string; reason: string } }> {
  const name = basename(path);
  try {
    const src = await ingestBytes(name, await readInput(path, maxInputBytes));
    const e = explainSource(src, types);
    return { ok: true, text: json ? JSON.stringify(e, null, 2) + "\n" : explainText(name, e) };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, failure: { file: err.file, reason: err.reason } };
    throw err;
  }
}
