import { type PipelineContext, throwIfCancelled } from "@/lib/pipelines/types";

/**
 * Rough cost of each kind of work in progress units (about microseconds on this machine), so the
 * reported fraction moves with elapsed time rather than with steps of very different sizes.
 */
export const COST = {
  /** Per simulated impression, hashing included. */
  simulate: 1,
  /** Per row per epoch of SGD. */
  sgd: 0.35,
  /** Per test row per variant scored (sorting for ROC-AUC and average precision dominates). */
  evaluate: 2,
  /** Per GBDT fit row per boosting round. */
  gbdtFit: 0.35,
  /** Per test row scored by the GBDT. */
  gbdtPredict: 3,
};

/** Lets queued messages (a cancel request on a worker thread) run between chunks of work. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Turns units of work done into the 0..1 fraction `onProgress` wants, and is the one place the
 * run checks for cancellation: every call yields to the event loop first, so an abort that
 * arrived as a message is seen at the next chunk.
 */
export class ProgressTracker {
  private done = 0;

  constructor(
    private readonly context: PipelineContext,
    private readonly total: number,
  ) {}

  async advance(units: number, message: string): Promise<void> {
    await yieldToEventLoop();
    throwIfCancelled(this.context.signal);
    this.done += units;
    this.context.onProgress(Math.min(1, this.done / this.total), message);
  }
}
