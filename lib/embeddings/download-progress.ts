import type { FileProgress } from "./model-hub";

/** "612 B", "48.3 kB", "22.9 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/**
 * Turns per-chunk progress into at most one line per tenth of each file (or per 10 MB when the
 * hub sends no length), so a large download reads as a dozen lines rather than thousands.
 */
export function createProgressLines(model: string, log: (line: string) => void): (progress: FileProgress) => void {
  const lastStep = new Map<string, number>();
  return ({ file, loaded, total }) => {
    const step = total ? Math.floor((loaded / total) * 10) : Math.floor(loaded / 10_000_000);
    if (lastStep.get(file) === step) return;
    lastStep.set(file, step);
    const amount = total
      ? `${Math.floor((loaded / total) * 100)}% of ${formatBytes(total)}`
      : `${formatBytes(loaded)} so far`;
    log(`fetching ${model}: ${file} ${amount}`);
  };
}
