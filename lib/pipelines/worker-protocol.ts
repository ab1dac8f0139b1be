/**
 * Messages between a pipeline worker thread and the process that started it. Every run carries
 * an id, so one long-lived worker can serve many runs and a late event of a finished run is
 * never taken for the next one's.
 */
export type WorkerRequest =
  | { type: "run"; id: number; pipeline: string; params: unknown }
  | { type: "cancel"; id: number };

export type WorkerEvent =
  | { type: "progress"; id: number; fraction: number; message: string }
  | { type: "result"; id: number; result: unknown; debug: RunDebug }
  | { type: "error"; id: number; message: string; cancelled: boolean; invalidParams?: boolean };

/** Where and how a run was served: the thread, its run count, and the cache hits and misses of this run. */
export interface RunDebug {
  threadId: number;
  runsServed: number;
  cacheHits: number;
  cacheMisses: number;
  cacheEntries: number;
  cacheBytes: number;
}

/** What the worker thread is started with (`workerData`). */
export interface WorkerOptions {
  /** Keep data, baselines and indexes between runs (the long-lived check worker only). */
  cache: boolean;
  /** With `cache`: a directory for the files cached values hold, deleted by the owner when the thread ends. */
  scratchDir?: string;
  /** The starting process's scratch directory (scratch.ts): where a run without `scratchDir` writes its files. */
  processScratchDir?: string;
}
