/** Worker-thread entry of the input pool (src/parallel/pool.ts): one input file per call. */
import { extractInput, type InputResult } from "../pipeline/extract-input.js";
import type { RecordType } from "../generated/records.js";

export default function run(job: { path: string; types: readonly RecordType[]; maxInputBytes?: number; cacheDir: string | null }): Promise<InputResult> {
  return extractInput(job.path, job.types, job.maxInputBytes, job.cacheDir);
}
