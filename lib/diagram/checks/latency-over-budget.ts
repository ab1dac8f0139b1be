import type { Annotations, DiagramFinding, DiagramText } from "@/lib/diagram/types";
import { type DiagramCheckContext, MAX_REQUEST_SECONDS } from "./context";
import { requestPaths, stageName } from "./paths";

/** The largest request-scale duration of a label: "p50 20 ms, p99 40 ms" costs 40 ms, once. */
function durationOf(annotations: Annotations): number | null {
  const values = annotations.quantities
    .filter((q) => q.kind === "duration" && q.value > 0 && q.value <= MAX_REQUEST_SECONDS)
    .map((q) => q.value);
  return values.length > 0 ? Math.max(...values) : null;
}

export function formatDuration(seconds: number): string {
  if (seconds >= 1) return `${Number(seconds.toFixed(2))} s`;
  return `${Number((seconds * 1000).toFixed(1))} ms`;
}

/** The slowest request path whose stage durations add up past the budget, with the sum shown. */
export function checkLatencyOverBudget(diagram: DiagramText, context: DiagramCheckContext): DiagramFinding[] {
  const budget = context.latencyBudgetSeconds;
  if (budget === null || budget <= 0) return [];
  let worst: { total: number; parts: Array<{ label: string; seconds: number }> } | null = null;
  for (const path of requestPaths(diagram)) {
    const parts: Array<{ label: string; seconds: number }> = [];
    for (const step of path) {
      const onEdge = step.via ? durationOf(step.via.annotations) : null;
      if (step.via && onEdge !== null) parts.push({ label: step.via.label, seconds: onEdge });
      const onNode = durationOf(step.node.annotations);
      if (onNode !== null) parts.push({ label: step.node.label, seconds: onNode });
    }
    const total = parts.reduce((sum, p) => sum + p.seconds, 0);
    if (total > budget + 1e-9 && (!worst || total > worst.total)) worst = { total, parts };
  }
  if (!worst) return [];
  const terms = worst.parts.map((p) => `${stageName(p.label)} ${formatDuration(p.seconds)}`).join(" + ");
  const labels = worst.parts.map((p) => p.label);
  return [
    {
      kind: "latency-over-budget",
      message: `${terms} = ${formatDuration(worst.total)} on the request path, above the ${formatDuration(budget)} budget: which stage would you cut, cache or run in parallel?`,
      key: `latency-over-budget:${labels.map(stageName).join(">")}`,
      labels,
    },
  ];
}
