import { annPipeline } from "./ann";
import { capacityPipeline } from "./capacity";
import { ctrPipeline } from "./ctr";
import { funnelPipeline } from "./funnel";
import type { PipelineDefinition } from "./types";

/** Every reference pipeline, by the name the CLI, the Lab and the interviewer use. */
export const PIPELINES: Readonly<Record<string, PipelineDefinition>> = {
  ann: annPipeline as PipelineDefinition,
  funnel: funnelPipeline as PipelineDefinition,
  ctr: ctrPipeline as PipelineDefinition,
  capacity: capacityPipeline as PipelineDefinition,
};

export const PIPELINE_NAMES = Object.keys(PIPELINES);

export class UnknownPipelineError extends Error {
  constructor(name: string) {
    super(`There is no pipeline called "${name}"; choose one of ${PIPELINE_NAMES.join(", ")}.`);
    this.name = "UnknownPipelineError";
  }
}

/** The pipeline called `name`; an inherited name such as `constructor` or `__proto__` is unknown too. */
export function getPipeline(name: string): PipelineDefinition {
  const pipeline = Object.hasOwn(PIPELINES, name) ? PIPELINES[name] : undefined;
  if (!pipeline) throw new UnknownPipelineError(name);
  return pipeline;
}
