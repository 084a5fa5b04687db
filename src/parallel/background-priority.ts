import { readdirSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/**
 * How far below the build's own thread lowerBackgroundThreads puts the others (in
 * nice steps, at most to 19): below it, not so far that a busy machine starves them
 * (the collector's helper threads take part in pauses the build's thread waits out).
 */
export const BACKGROUND_NICE_STEP = 10;

/** The nice value of the other threads for a main thread at `own`. */
export const backgroundNice = (own: number): number => Math.min(19, own + BACKGROUND_NICE_STEP);

/**
 * Lowers the scheduling priority of every thread of this process but the main one
 * (Node's and V8's: its optimizing compiler and the collector's helpers, four of
 * them whatever the machine) to backgroundNice of its own, and returns how many it lowered.
 * Threads made later (worker threads, libuv's pool) take the priority of the thread
 * that makes them, so they keep the build's. Linux only, where each thread is a task
 * of its own in /proc/self/task and setpriority on its id sets that thread alone;
 * elsewhere, or where a thread refuses, it lowers none or fewer.
 *
 * Why: a build in one thread shares a small machine's cores with those four, and
 * in its first seconds V8 keeps them busy compiling (400 optimizing compiles in a
 * 13 MB build); the compiler then takes the core from the thread doing the build.
 * Lowered, it works when that thread does not need the core. Paired runs on 2 vCPUs
 * (README, "Speed"): 3.2 MB of seed copies in one thread, 0.85–0.89 of the wall time;
 * the seeds, 0.96–0.99 (within the spread). With worker threads it gained nothing (their threads compete
 * with each other), so the CLI asks for it only when it builds in one thread, and
 * a library call never does: the process is its host's.
 */
export function lowerBackgroundThreads(): number {
  if (process.platform !== "linux") return 0;
  let tasks: string[];
  try { tasks = readdirSync("/proc/self/task"); } catch { return 0; }
  const nice = backgroundNice(getPriority());
  let lowered = 0;
  for (const t of tasks) {
    const tid = Number(t);
    // the main thread's id is the process's: the CLI's thread, the one left as it is
    if (tid === process.pid) continue;
    try { setPriority(tid, nice); lowered++; } catch { /* gone since, or not ours to change: leave it */ }
  }
  return lowered;
}
