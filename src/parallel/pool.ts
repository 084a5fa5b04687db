import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";

/**
 * Runs one job per input over a pool of worker threads (tinypool) and returns the
 * results in job order, so the output never depends on which worker finished first.
 * With one worker, one job, or no compiled worker file (vitest runs src/ .ts files,
 * which a worker thread cannot load), the jobs run one by one in this thread instead:
 * same function, same results.
 */
export interface PoolOptions<J, R> {
  /** compiled worker module (its default export runs one job) */
  worker: URL;
  /** the same job in this thread */
  inline: (job: J) => Promise<R>;
  /** the result for a job whose worker died (out of memory, a crash in native code) */
  crashed: (job: J, error: Error) => R;
  /** worker threads; default 1 (see defaultThreads) */
  threads?: number;
  /** called with the number of jobs done so far, as each one ends (a progress bar) */
  onDone?: (done: number) => void;
}

/** The machine's cores: what `--jobs 0` asks for. */
export function machineThreads(): number {
  return Math.max(1, availableParallelism());
}

export async function runInOrder<J, R>(jobs: readonly J[], opts: PoolOptions<J, R>): Promise<R[]> {
  // One thread unless asked: each worker pays module loading and a cold JIT (about 0.4 s),
  // which on a busy or 2-core machine costs more than it saves (README, "Speed").
  const threads = Math.min(opts.threads === 0 ? machineThreads() : opts.threads ?? 1, jobs.length);
  const workerFile = fileURLToPath(opts.worker);
  let done = 0;
  const tick = opts.onDone ? <T>(r: T): T => { opts.onDone!(++done); return r; } : <T>(r: T): T => r;
  if (threads <= 1 || !workerFile.endsWith(".js") || !existsSync(workerFile)) return inlineInOrder(jobs, (j) => opts.inline(j).then(tick));
  // loaded only when a pool is used: a single-input build never pays for it
  const { default: Tinypool } = await import("tinypool");
  const pool = new Tinypool({ filename: opts.worker.href, minThreads: threads, maxThreads: threads, isolateWorkers: false });
  try {
    return await Promise.all(jobs.map((j) => (pool.run(j) as Promise<R>).catch((e: Error) => opts.crashed(j, e)).then(tick)));
  } finally {
    await pool.destroy();
  }
}

/**
 * The jobs in this thread, a few in flight at once: extraction is CPU work and gains
 * nothing, but reading inputs and cache entries waits on the disk, and a warm build
 * is mostly that waiting. Results keep job order; at most INFLIGHT inputs are held.
 */
const INFLIGHT = 8;
async function inlineInOrder<J, R>(jobs: readonly J[], run: (job: J) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(jobs.length);
  let next = 0;
  const lane = async () => { for (let i = next++; i < jobs.length; i = next++) out[i] = await run(jobs[i]!); };
  await Promise.all(Array.from({ length: Math.min(INFLIGHT, jobs.length) }, lane));
  return out;
}
