import type { z } from "zod";

/** Passed to every pipeline run: report progress (0..1 with a sentence), and stop when aborted. */
export interface PipelineContext {
  onProgress(fraction: number, message: string): void;
  signal: AbortSignal;
}

/** One row of a result summary: a label, the value, and (where there is one) the formula that produced it. */
export interface SummaryRow {
  label: string;
  value: string;
  formula?: string;
}

/** A chart a UI may draw from a result: named series of points. */
export interface ChartSpec {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  kind: "line" | "bar" | "scatter";
  series: Array<{ name: string; points: Array<{ x: number | string; y: number }> }>;
}

/**
 * A reference pipeline. Deterministic for a given `seed` in its parameters; its result is plain
 * JSON. `paramsSchema` holds the defaults and the limits this machine can run, with messages
 * that say the limit ("n must be at most 500,000 on this machine").
 */
export interface PipelineDefinition<P = unknown, R = unknown> {
  name: string;
  title: string;
  description: string;
  paramsSchema: z.ZodType<P>;
  run(params: P, context: PipelineContext): Promise<R>;
  /** A headline, table rows (with formulas where they apply) and charts, for the CLI, the Lab and the chat. */
  summarize(result: R): { headline: string; rows: SummaryRow[]; charts: ChartSpec[]; assumptions?: string[] };
}

/** Thrown by a pipeline that noticed `signal.aborted`. */
export class PipelineCancelledError extends Error {
  constructor() {
    super("The pipeline was cancelled.");
    this.name = "PipelineCancelledError";
  }
}

/** Call between chunks of work: throws once the run is cancelled. */
export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new PipelineCancelledError();
}
