import { type PipelineInfo, PipelineRunner } from "@/components/pipeline-runner";
import { PIPELINES } from "@/lib/pipelines/registry";

export const dynamic = "force-dynamic";

/** The Lab: run every reference pipeline with your own numbers and see what it measures. */
export default function LabPage() {
  const pipelines: PipelineInfo[] = Object.values(PIPELINES).map((p) => ({
    name: p.name,
    title: p.title,
    description: p.description,
    defaults: p.paramsSchema.parse({}) as Record<string, unknown>,
  }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Lab</h1>
        <p className="max-w-3xl text-sm text-muted">
          Small, honest reference pipelines: set the numbers a design depends on and see what a real run measures, next
          to what is extrapolated (and on what assumptions).
        </p>
      </div>
      {pipelines.map((info) => (
        <PipelineRunner key={info.name} info={info} />
      ))}
    </div>
  );
}
