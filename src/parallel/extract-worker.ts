/** Worker-thread entry of the input pool (src/parallel/pool.ts): one input file per call. */
// named, not default: the bundled worker (dist/worker.cjs) require()s tinypool, whose namespace then has no __esModule mark
import { Tinypool } from "tinypool";
import { packForTransfer } from "../emit/render.js";
import { extractInput, outputOfInput, type InputResult, type OutputResult } from "../pipeline/extract-input.js";
import type { RecordType } from "../generated/records.js";

/**
 * A build's job (`render`) comes back rendered (src/emit/render.ts), its text as
 * UTF-8 buffers moved (not copied) to the writing thread, which is left only the
 * writing: with many workers, that one thread is what bounds a build. Other jobs
 * give the records.
 */
export default async function run(job: { path: string; types: readonly RecordType[]; maxInputBytes?: number; cacheDir: string | null; render: boolean }): Promise<InputResult | OutputResult> {
  if (!job.render) return extractInput(job.path, job.types, job.maxInputBytes, job.cacheDir);
  const r = await outputOfInput(job.path, job.types, true, job.maxInputBytes, job.cacheDir);
  if (!r.ok) return r;
  const { output, transfer } = packForTransfer(r.output);
  // tinypool's protocol for a result whose buffers are moved: the value, and what to transfer with it
  return Tinypool.move({ [Tinypool.transferableSymbol]: transfer, [Tinypool.valueSymbol]: { ok: true, output } } as never) as never;
}
