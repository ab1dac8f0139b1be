/** Messages between a pipeline worker thread and the process that started it. */
export type WorkerRequest = { type: "run"; pipeline: string; params: unknown } | { type: "cancel" };

export type WorkerEvent =
  | { type: "progress"; fraction: number; message: string }
  | { type: "result"; result: unknown }
  | { type: "error"; message: string; cancelled: boolean };
