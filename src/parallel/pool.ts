import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { loadTinypool } from "../packages.js";

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

/**
 * Run the jobs and hand each result to `use` in job order, as soon as it and every
 * result before it are done. At most WINDOW results (per thread) are done and
 * waiting, so a build of thousands of inputs never holds more than a few of them:
 * a job is started only when it is within the window of the next one to hand over.
 * If `use` throws, no further result is handed over and the error is thrown.
 */
const WINDOW = 4;
export async function forEachInOrder<J, R>(jobs: readonly J[], opts: PoolOptions<J, R>, use: (r: R, index: number) => void): Promise<void> {
  // One thread unless asked: each worker pays its start (the bundled job with its code cache,
  // about 0.15 s) and a cold JIT of its own, and V8 compiles on another thread for each: on a
  // busy or 2-core machine that costs more than it saves (README, "Speed").
  const threads = Math.min(opts.threads === 0 ? machineThreads() : opts.threads ?? 1, jobs.length);
  const workerFile = fileURLToPath(opts.worker);
  let done = 0;
  const tick = opts.onDone ? <T>(r: T): T => { opts.onDone!(++done); return r; } : <T>(r: T): T => r;
  if (threads <= 1 || !workerFile.endsWith(".js") || !existsSync(workerFile)) {
    // in this thread, a few in flight at once: extraction is CPU work and gains nothing,
    // but reading inputs and cache entries waits on the disk, and a warm build is mostly that
    return ordered(jobs, INFLIGHT, INFLIGHT * 2, (j) => opts.inline(j).then(tick), use);
  }
  // loaded only when a pool is used: a single-input build never pays for it
  const { default: Tinypool } = await loadTinypool();
  const pool = new Tinypool({ filename: opts.worker.href, minThreads: threads, maxThreads: threads, isolateWorkers: false });
  try {
    await ordered(jobs, threads, threads * WINDOW, (j) => (pool.run(j) as Promise<R>).catch((e: Error) => opts.crashed(j, e)).then(tick), use);
  } finally {
    await pool.destroy();
  }
}

const INFLIGHT = 8;

/**
 * `lanes` jobs running at once; job i starts only when i < next + window, where
 * next is the first result not yet handed to `use`; results are handed over in order.
 */
async function ordered<J, R>(jobs: readonly J[], lanes: number, window: number, run: (job: J) => Promise<R>, use: (r: R, index: number) => void): Promise<void> {
  const ready = new Map<number, R>();
  let next = 0, started = 0;
  const waiting: Array<() => void> = [];
  let failed: { e: unknown } | null = null;
  const handOver = () => {
    try {
      while (!failed && ready.has(next)) { const r = ready.get(next)!; ready.delete(next); use(r, next++); }
    } catch (e) { failed = { e }; }
    for (const w of waiting.splice(0)) w();
  };
  const lane = async () => {
    for (;;) {
      while (!failed && started < jobs.length && started >= next + window) await new Promise<void>((res) => waiting.push(res));
      if (failed || started >= jobs.length) return;
      const i = started++;
      ready.set(i, await run(jobs[i]!));
      handOver();
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, jobs.length) }, lane));
  if (failed) throw (failed as { e: unknown }).e;
}
