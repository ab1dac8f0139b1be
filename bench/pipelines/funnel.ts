/**
 * The funnel pipeline's benchmark: its default run (100,000 items, 200 users, 500 candidates,
 * 50 ranked, 10 shown), timed end to end, with the figures a reader checks: per-stage p50/p99
 * latency and recall of the true top K, NDCG@10 and what the business rules cost. The target is
 * the project's rule that a default run finishes well under 20 s on this 2-core machine.
 * Used by the aggregate pipelines benchmark; run alone it prints JSON.
 */
import { pathToFileURL } from "node:url";
import { funnelPipeline } from "@/lib/pipelines/funnel";
import { describeMachine } from "../lib/machine";
import { round } from "../lib/stats";

export const FUNNEL_TARGETS = { runSeconds: 20 };

export async function benchFunnel() {
  const params = funnelPipeline.paramsSchema.parse({});
  const started = performance.now();
  const result = await funnelPipeline.run(params, { onProgress: () => {}, signal: new AbortController().signal });
  const wallSeconds = (performance.now() - started) / 1000;
  return {
    benchmark: "pipelines/funnel",
    machine: describeMachine(),
    setup: `items = ${params.items}, dim = ${params.dim}, users = ${params.users}, C = ${params.candidates}, R = ${params.rankKeep}, K = ${params.finalK}, author cap = ${params.authorCap}, lambda = ${params.diversityLambda}, ${result.index.engine}, M = ${params.M}, efConstruction = ${params.efConstruction}, seed = ${params.seed}`,
    wallSeconds: round(wallSeconds, 1),
    buildSeconds: round(result.index.buildMs / 1000, 2),
    truthScanSeconds: round(result.truthMs / 1000, 2),
    stages: result.stages.map((s) => ({
      stage: s.id,
      itemsIn: s.itemsIn,
      itemsOut: round(s.itemsOut, 2),
      p50Ms: round(s.p50Ms, 4),
      p99Ms: round(s.p99Ms, 4),
      recallOfTrueTopK: round(s.recall, 4),
    })),
    totalP50Ms: round(result.total.p50Ms, 3),
    totalP99Ms: round(result.total.p99Ms, 3),
    annRecallOfExactCandidates: round(result.annRecall, 4),
    ndcgAt10: {
      annOrder: round(result.ndcg.retrievalOrder, 4),
      ranker: round(result.ndcg.ranker, 4),
      final: round(result.ndcg.final, 4),
      businessRuleCost: round(result.ndcg.businessRuleCost, 4),
    },
    topicsPerList: { before: round(result.rules.meanTopicsBefore, 2), after: round(result.rules.meanTopicsAfter, 2) },
    budget: result.budget.checks.map((c) => ({
      stage: c.stage,
      budgetMs: c.budgetMs,
      p99Ms: round(c.comparedP99Ms, 3),
      fits: c.fits,
    })),
    targets: FUNNEL_TARGETS,
    met: { runSeconds: wallSeconds < FUNNEL_TARGETS.runSeconds },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await benchFunnel(), null, 2));
}
