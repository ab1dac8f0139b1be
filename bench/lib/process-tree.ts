/** The processes a benchmark's server started (next start's workers), found with `ps`. Linux only. */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** The children of `pid` (`ps -o pid= --ppid`); none when ps finds none or fails. */
export async function childPids(pid: number): Promise<number[]> {
  try {
    const { stdout } = await run("ps", ["-o", "pid=", "--ppid", String(pid)]);
    return stdout
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter((child) => Number.isInteger(child) && child > 0);
  } catch {
    // ps exits 1 when the process has no children.
    return [];
  }
}

/** `pid` and its descendants, a few generations down (next start's workers are its children). */
export async function processTree(pid: number, depth = 3): Promise<number[]> {
  if (depth === 0) return [pid];
  const children = await childPids(pid);
  const below = await Promise.all(children.map((child) => processTree(child, depth - 1)));
  return [pid, ...below.flat()];
}
