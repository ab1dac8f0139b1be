/** Headline, table and charts of a funnel run, for the CLI, the Lab and the interviewer. */
import type { ChartSpec, SummaryRow } from "../types";
import type { BudgetCheck } from "./budget";
import type { FunnelResult, StageFigures } from "./result";
import { IMPRESSIONS_PER_USER } from "./training";
import { NOISE_SD, QUALITY_WEIGHT } from "./world";

const ms = (x: number) => x.toFixed(x >= 100 ? 0 : x >= 10 ? 1 : x >= 1 ? 2 : 3);
/** A stated budget as the candidate wrote it: 200, 7.5 (no padded decimals). */
const stated = (x: number) => String(Number(x.toPrecision(4)));
const STAGE_NAMES = { retrieval: "retrieval", ranking: "ranking", rerank: "re-ranking" } as const;
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);
const count = (x: number) => Math.round(x).toLocaleString("en-US");
/** A mean list length: whole when it is, one decimal when the cap or a small graph shortened some lists. */
const length = (x: number) => (Number.isInteger(x) ? count(x) : x.toFixed(1));

/** "fits 30 ms" / "over 30 ms" / "no budget stated", on the p99 the check compared. */
function budgetText(check: BudgetCheck | undefined): string {
  if (!check || check.budgetMs === null) return "no budget stated";
  return `${check.fits ? "fits" : "over"} ${stated(check.budgetMs)} ms budget (p99 ${ms(check.comparedP99Ms)} ms)`;
}

function stageRow(result: FunnelResult, stage: StageFigures): SummaryRow {
  const check = result.budget.checks.find((c) => c.stage === stage.id);
  const scaled =
    stage.id === "ranking" && result.budget.rankingScale !== null
      ? `; scaled to ${count(result.budget.stated.candidateCount ?? 0)} candidates: p99 ${ms(check?.comparedP99Ms ?? 0)} ms`
      : "";
  return {
    label: `${stage.label}: ${length(stage.itemsIn)} → ${length(stage.itemsOut)}`,
    value: `p50 ${ms(stage.p50Ms)} ms, p99 ${ms(stage.p99Ms)} ms${scaled}; true top-${result.params.finalK} kept ${pct(stage.recall)}; ${budgetText(check)}`,
    formula: "recall = |true top K ∩ items after this stage| / K, mean over users; latency one request at a time",
  };
}

/** The total as run, and with ranking scaled to the stated candidate count when one was given. */
function totalText(result: FunnelResult): string {
  const totalCheck = result.budget.checks.find((c) => c.stage === "total");
  const asRun = `p99 ${ms(result.total.p99Ms)} ms a request`;
  if (result.budget.rankingScale === null || !totalCheck) return asRun;
  return `${asRun} (${ms(totalCheck.comparedP99Ms)} ms with ranking scaled to ${count(result.budget.stated.candidateCount ?? 0)} candidates)`;
}

function headline(result: FunnelResult): string {
  const { params, ndcg } = result;
  const final = result.stages[2];
  const totalCheck = result.budget.checks.find((c) => c.stage === "total");
  const over = result.budget.checks
    .filter((c) => c.fits === false && c.stage !== "total")
    .map((c) => STAGE_NAMES[c.stage as keyof typeof STAGE_NAMES]);
  const verdict =
    totalCheck?.budgetMs != null
      ? `, ${totalCheck.fits ? "within" : "over"} the ${stated(totalCheck.budgetMs)} ms budget`
      : "";
  const stageNote = over.length > 0 ? ` (over its budget at ${over.join(", ")})` : "";
  return (
    `${count(params.items)} items → ${count(params.candidates)} candidates → ${count(params.rankKeep)} ranked → ${length(final?.itemsOut ?? params.finalK)} shown: ` +
    `${totalText(result)}${verdict}${stageNote}; ${pct(final?.recall ?? 0)} of the true top ${params.finalK} reach the final list; ` +
    `NDCG@${params.finalK} ${f3(ndcg.final)}, of which the business rules cost ${f3(ndcg.businessRuleCost)} (ranker alone ${f3(ndcg.ranker)}, ANN order ${f3(ndcg.retrievalOrder)}).`
  );
}

function rows(result: FunnelResult): SummaryRow[] {
  const { params, ndcg, rules, ranker, index } = result;
  const k = params.finalK;
  const totalCheck = result.budget.checks.find((c) => c.stage === "total");
  return [
    ...result.stages.map((stage) => stageRow(result, stage)),
    {
      label: "Whole request",
      value: `p50 ${ms(result.total.p50Ms)} ms, p99 ${ms(result.total.p99Ms)} ms; ${budgetText(totalCheck)}${result.budget.rankingScale === null ? "" : " with ranking scaled"}`,
      formula: "p99 of each request's summed stages (not the sum of stage p99s)",
    },
    {
      label: `NDCG@${k} of the final list`,
      value: `${f3(ndcg.final)} (ranker's own top ${k}: ${f3(ndcg.ranker)}; ANN's own order: ${f3(ndcg.retrievalOrder)})`,
      formula: result.gainMapping,
    },
    {
      label: "Cost of the business rules",
      value: `${f3(ndcg.businessRuleCost)} NDCG (author cap alone ${f3(ndcg.ranker - ndcg.authorCapOnly)}, diversity alone ${f3(ndcg.ranker - ndcg.diversityOnly)})`,
      formula: "NDCG of the ranker's top K minus NDCG of the list after the rules",
    },
    {
      label: "What the rules buy",
      value: `topics per list ${rules.meanTopicsBefore.toFixed(2)} → ${rules.meanTopicsAfter.toFixed(2)}; lists over the cap of ${params.authorCap} per author ${pct(rules.shareOverCapBefore)} → 0 (max ${rules.maxPerAuthorFinal})`,
      formula: `MMR: lambda x relevance - (1 - lambda) x [topic already shown], lambda = ${params.diversityLambda}`,
    },
    {
      label: "HNSW recall of the exact top candidates",
      value: pct(result.annRecall),
      formula: `|HNSW top C ∩ exact top C by dot product| / C, C = ${params.candidates}, ef = ${index.efSearch}`,
    },
    {
      label: "Ranker",
      value: `${ranker.model}; ${count(ranker.impressions)} impressions, click rate ${pct(ranker.clickRate)}, trained in ${ms(ranker.trainMs)} ms`,
      formula: `logit = ${ranker.coefficients.map((c, i) => (i === 0 ? c.toFixed(2) : `${c.toFixed(2)} x ${ranker.features[i - 1]}`)).join(" + ")}`,
    },
    {
      label: "Index build",
      value: `${(index.buildMs / 1000).toFixed(1)} s on ${index.buildThreads} thread (${index.quantization}, M ${index.M}, efConstruction ${index.efConstruction})`,
      formula: "one thread so the graph, and so the candidates, are the same for a seed",
    },
    {
      label: "Run time",
      value: `${(result.runMs / 1000).toFixed(1)} s`,
      formula: `of which the exact truth scan ${(result.truthMs / 1000).toFixed(1)} s (${count(params.users)} users x ${count(params.items)} items)`,
    },
  ];
}

function charts(result: FunnelResult): ChartSpec[] {
  const { params, stages } = result;
  const names = ["catalogue", "after retrieval", "after ranking", "after re-ranking"];
  const budgets = result.budget.checks.filter((c) => c.stage !== "total" && c.budgetMs !== null);
  return [
    {
      id: "funnel-items",
      title: "Funnel: items kept per stage",
      xLabel: "stage",
      yLabel: "items",
      kind: "bar",
      series: [
        {
          name: "items kept",
          points: [params.items, ...stages.map((s) => s.itemsOut)].map((y, i) => ({ x: names[i] as string, y })),
        },
      ],
    },
    {
      id: "funnel-latency",
      title: "Latency per stage, one request at a time",
      xLabel: "stage",
      yLabel: "milliseconds",
      kind: "bar",
      series: [
        { name: "p50", points: stages.map((s) => ({ x: STAGE_NAMES[s.id], y: s.p50Ms })) },
        { name: "p99", points: stages.map((s) => ({ x: STAGE_NAMES[s.id], y: s.p99Ms })) },
        ...(budgets.length > 0
          ? [
              {
                name: "budget",
                points: budgets.map((c) => ({
                  x: STAGE_NAMES[c.stage as keyof typeof STAGE_NAMES],
                  y: c.budgetMs as number,
                })),
              },
            ]
          : []),
      ],
    },
    {
      id: "funnel-recall",
      title: `Share of the true top ${params.finalK} still present after each stage`,
      xLabel: "stage",
      yLabel: "recall of the true top K",
      kind: "bar",
      series: [{ name: "recall", points: stages.map((s) => ({ x: STAGE_NAMES[s.id], y: s.recall })) }],
    },
    {
      id: "funnel-ndcg",
      title: `NDCG@${params.finalK} of the lists a design could ship`,
      xLabel: "list",
      yLabel: `NDCG@${params.finalK}`,
      kind: "bar",
      series: [
        {
          name: "NDCG",
          points: [
            { x: "ANN order", y: result.ndcg.retrievalOrder },
            { x: "ranker", y: result.ndcg.ranker },
            { x: "author cap only", y: result.ndcg.authorCapOnly },
            { x: "diversity only", y: result.ndcg.diversityOnly },
            { x: "final (both rules)", y: result.ndcg.final },
          ],
        },
      ],
    },
  ];
}

export function summarizeFunnel(result: FunnelResult) {
  const { catalogue } = result;
  return {
    headline: headline(result),
    rows: rows(result),
    charts: charts(result),
    assumptions: [
      `Synthetic catalogue: ${count(catalogue.items)} unit ${catalogue.dim}-d item embeddings in ${catalogue.topics} topics and ${count(catalogue.authors)} authors (an author's items share a style direction; prolific authors are skewed), each item with a quality partly its author's.`,
      `True utility U = s + 0.8 s² + ${QUALITY_WEIGHT} x beta_u x quality + ${NOISE_SD} x noise, s the user-item dot product, beta_u in [0.5, 1.5] the user's care for quality, noise a fixed N(0, 1) per pair: the dot product the ANN uses is a good but imperfect proxy.`,
      `The ranker is fitted on clicks, not on utility: ${IMPRESSIONS_PER_USER} uniformly chosen candidates of each of ${result.ranker.trainingUsers} separate training users, clicked with probability sigmoid((U - U_p90) / (0.5 sd(U))). It sees s, s², quality and beta_u x quality, never the noise.`,
      "The ideal list for NDCG and recall is the true top K of the whole catalogue with no business rules, so the rules can only cost NDCG; what they buy (topic spread, author cap) is reported beside it.",
      "Latencies are one request at a time on one thread of this 2-core machine, after 20 warm-up requests; a production ranker (GBDT or a neural net) costs far more per candidate than this logistic model, so scale its measured ranking time with care.",
      result.budget.rankingScale === null
        ? "No candidate count was given, so the ranking time is the one measured at this run's candidate count."
        : `Ranking time is scaled linearly by ${result.budget.rankingScale.toFixed(2)} (the stated ${count(result.budget.stated.candidateCount ?? 0)} candidates / ${count(result.params.candidates)} run here): each request's ranking time gains (scale - 1) x the median ranking time, so its own jitter is not multiplied; retrieval is not scaled.`,
    ],
  };
}
