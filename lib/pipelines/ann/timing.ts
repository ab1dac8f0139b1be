import { quantile } from "@/lib/stats/quantile";
import { type PipelineContext, throwIfCancelled } from "../types";

/** p50, p99 and queries per second of one-at-a-time latencies (ms); QPS = queries / total time. */
export function latencySummary(latenciesMs: number[], totalMs: number) {
  return {
    p50Ms: quantile(latenciesMs, 0.5),
    p99Ms: quantile(latenciesMs, 0.99),
    qps: totalMs > 0 ? (latenciesMs.length * 1000) / totalMs : Number.NaN,
  };
}

/**
 * Lets the event loop turn (so a worker thread sees a cancel message) and then stops if the run
 * was cancelled. Called between chunks of native work that would otherwise block for seconds.
 */
export async function checkpoint(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(signal);
}

/** Maps progress inside one stage of the run onto the run's overall 0..1 range. */
export function stageProgress(context: PipelineContext, start: number, end: number) {
  return (fraction: number, message: string) => context.onProgress(start + (end - start) * fraction, message);
}

/** Runs `work(from, to)` over [0, total) in `chunks` pieces, reporting progress and honouring cancellation. */
export async function inChunks(
  total: number,
  chunks: number,
  signal: AbortSignal,
  report: (fraction: number) => void,
  work: (from: number, to: number) => void,
): Promise<void> {
  const size = Math.max(1, Math.ceil(total / chunks));
  for (let from = 0; from < total; from += size) {
    await checkpoint(signal);
    const to = Math.min(total, from + size);
    work(from, to);
    report(to / total);
  }
}
