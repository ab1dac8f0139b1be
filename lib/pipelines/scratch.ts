/**
 * Where pipelines write files (saved HNSW indexes, the check worker's cache): one directory per
 * process under the system's temporary directory, named with the process id,
 * `probe-scratch-<pid>-XXXXXX`. A process removes its own at exit; one that was SIGKILLed
 * cannot, so a server sweeps at start the directories of processes that are gone
 * (`sweepDeadScratch`). Worker threads share their process's id and are given the directory
 * (workerData), so every file a run writes is found by its owner's pid.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const SCRATCH_PREFIX = "probe-scratch-";
const NAME = /^probe-scratch-(\d+)-[^/\\]+$/;

/** On globalThis: Next.js may load this module more than once in one process, and they must agree. */
const OWN = Symbol.for("probe.pipelineScratchDir");
type WithOwn = typeof globalThis & { [OWN]?: string };

/** This process's scratch directory, created on first use and removed when the process exits. */
export function processScratchDir(): string {
  const holder = globalThis as WithOwn;
  const existing = holder[OWN];
  if (existing && fs.existsSync(existing)) return existing;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${SCRATCH_PREFIX}${process.pid}-`));
  holder[OWN] = dir;
  process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * In a worker thread: use the directory its process gave it (workerData), which the process
 * removes, rather than making another. Threads have their own globals, and no exit of their own.
 */
export function adoptProcessScratchDir(dir: string): void {
  (globalThis as WithOwn)[OWN] = dir;
}

/** The pid a scratch directory's name says owns it, or null when the name is not one of ours. */
export function scratchOwner(name: string): number | null {
  const match = NAME.exec(name);
  const pid = match ? Number(match[1]) : Number.NaN;
  return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
}

/** Whether a process with this id exists: signal 0 checks without sending; EPERM means it exists as someone else's. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
}

/**
 * Removes the scratch directories under `root` whose owner process is gone (ESRCH), and
 * returns their paths. Never one of a live process, except that a directory with this process's
 * own id that is not its current one was left by an earlier process that had the same id (a
 * restarted container's server is often pid 1 again). Directories of other names are left alone.
 */
export function sweepDeadScratch(root = os.tmpdir(), alive: (pid: number) => boolean = isProcessAlive): string[] {
  const own = (globalThis as WithOwn)[OWN];
  let names: string[];
  try {
    names = fs.readdirSync(root);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = scratchOwner(name);
    if (pid === null) continue;
    const dir = path.join(root, name);
    const stale = pid === process.pid ? dir !== own : !alive(pid);
    if (!stale) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}
