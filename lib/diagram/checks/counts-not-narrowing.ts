import type { Annotations, DiagramFinding, DiagramText } from "@/lib/diagram/types";
import type { DiagramCheckContext } from "./context";
import { forwardEdges, stageName } from "./paths";

/** Counts of things that are no candidate set (a fleet, a user base, a model's shape). */
const NOT_CANDIDATES =
  /^(users?|members?|people|customers?|gpus?|cpus?|servers?|machines?|nodes?|shards?|replicas?|workers?|pods?|regions?|partitions?|features?|dims?|dimensions?|layers?|heads?|trees?|params?|parameters?|requests?|queries|qps|days?|hours?|threads?|cores?|tokens?)\b/i;

/** What a stage takes in and hands on: a "from N to M", else its candidate counts (largest in, smallest out). */
export function stageCounts(annotations: Annotations): { input: number; output: number } | null {
  if (annotations.countChange) return { input: annotations.countChange.from, output: annotations.countChange.to };
  const counts = annotations.quantities
    // Digits only: "two-tower" or "a single model" is no candidate count.
    .filter((q) => q.kind === "count" && q.value >= 1 && /\d/.test(q.text) && !(q.what && NOT_CANDIDATES.test(q.what)))
    .map((q) => q.value);
  if (counts.length === 0) return null;
  return { input: Math.max(...counts), output: Math.min(...counts) };
}

const fmt = (n: number) => n.toLocaleString("en-US");

/**
 * Candidate counts that grow from one stage to the next along solid arrows: a stage's input is
 * compared with the outputs of the nearest counted stages before it, summed, since merging two
 * sources of 500 into 1,000 is no growth. A "from N to M" with M > N grows on its own.
 */
export function checkCountsNotNarrowing(diagram: DiagramText, _context: DiagramCheckContext): DiagramFinding[] {
  const findings: DiagramFinding[] = [];
  // Points that carry a count: nodes, and arrows with a count on their label.
  const counted = new Map<string, { label: string; input: number; output: number }>();
  for (const node of diagram.nodes) {
    const c = stageCounts(node.annotations);
    if (c) counted.set(`n:${node.id}`, { label: node.label, ...c });
    if (c && c.output > c.input) {
      findings.push({
        kind: "counts-not-narrowing",
        message: `"${node.label}" goes from ${fmt(c.input)} to ${fmt(c.output)}: why does this stage widen the candidate set instead of narrowing it?`,
        key: `counts-not-narrowing:${stageName(node.label)}`,
        labels: [node.label],
      });
    }
  }
  const edges = forwardEdges(diagram);
  // Predecessors in a graph where a counted arrow is a point between its two nodes.
  const preds = new Map<string, string[]>();
  edges.forEach((e, i) => {
    const c = stageCounts(e.annotations);
    const from = `n:${e.from}`;
    const to = `n:${e.to}`;
    if (c && c.output > 0) {
      counted.set(`e:${i}`, { label: e.label, ...c });
      preds.set(`e:${i}`, [from]);
      preds.set(to, [...(preds.get(to) ?? []), `e:${i}`]);
    } else preds.set(to, [...(preds.get(to) ?? []), from]);
  });
  const nearestCounted = (point: string): string[] => {
    const result = new Set<string>();
    const seen = new Set([point]);
    const queue = [...(preds.get(point) ?? [])];
    while (queue.length > 0) {
      const p = queue.shift() as string;
      if (seen.has(p)) continue;
      seen.add(p);
      if (counted.has(p)) result.add(p);
      else queue.push(...(preds.get(p) ?? []));
    }
    return [...result];
  };
  for (const [point, stage] of counted) {
    const before = nearestCounted(point)
      .map((p) => counted.get(p))
      .filter((s) => s !== undefined);
    if (before.length === 0) continue;
    const supply = before.reduce((sum, s) => sum + s.output, 0);
    if (stage.input <= supply) continue;
    const names = before.map((s) => `"${s.label}" (${fmt(s.output)})`).join(" and ");
    findings.push({
      kind: "counts-not-narrowing",
      message: `The counts grow from ${names} to "${stage.label}" (${fmt(stage.input)}): where do the extra candidates come from?`,
      key: `counts-not-narrowing:${before.map((s) => stageName(s.label)).join("+")}>${stageName(stage.label)}`,
      labels: [...before.map((s) => s.label), stage.label],
    });
  }
  return findings;
}
