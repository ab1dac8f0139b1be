/**
 * `npm run bench:scoring`: scores the labelled transcripts in bench/scoring/ and checks the
 * scorer's targets: strong > medium > weak in every scenario with 10 points between neighbours,
 * keyword lists below medium, injected text moving the score by at most 2 points, off-topic at
 * least 25 below medium, the same per-step order in at least 90% of steps, and scoring time.
 * Prints a table, then JSON. With --llm (and a configured model) a model judge proposes items,
 * only verified quotes count, and the spread of each score over three runs is reported.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { formatTable } from "@/lib/cli/print-table";
import { getConfig } from "@/lib/env";
import { STEP_IDS } from "@/lib/framework";
import { createLlmClient } from "@/lib/llm/client";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { createLlmJudge } from "@/lib/scoring/llm-judge";
import type { ScoreReport } from "@/lib/scoring/schema";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { describeMachine } from "../lib/machine";
import { quantile, round } from "../lib/stats";
import { figuresOf, type SplitFigures } from "./labelled-report";
import { orderOf } from "./order";

const labelsSchema = z.array(
  z.object({
    file: z.string(),
    scenarioId: z.string(),
    kind: z.enum(["strong", "medium", "weak", "keywords", "injection", "offtopic", "padded"]),
    baseline: z.string().optional(),
  }),
);

const dir = import.meta.dirname;
const withJudge = process.argv.includes("--llm");
const splitArg = process.argv.find((a) => a.startsWith("--split="))?.slice("--split=".length) ?? "all";
if (!["all", "tuning", "held-out", "none"].includes(splitArg)) {
  console.error("--split must be tuning, held-out, all or none.");
  process.exit(2);
}
const llm = getConfig().llm;
if (withJudge && !llm) {
  console.error("--llm needs a model: set OPENAI_API_KEY or OPENAI_BASE_URL (and LLM_MODEL).");
  process.exit(2);
}
const judge = withJudge && llm ? createLlmJudge(createLlmClient(llm)) : undefined;
/** With a model judge, each transcript is scored three times and the spread reported. */
const runs = judge ? 3 : 5;
const spreads = new Map<string, number>();
const library = loadScenarioLibrary();
const labels = labelsSchema.parse(JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")));
const reports = new Map<string, ScoreReport>();
const timings: number[] = [];
let coldStartMs: number | null = null;
for (const label of labels) {
  const transcript = JSON.parse(readFileSync(path.join(dir, label.file), "utf8"));
  const overalls: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const report = await scoreTranscript(transcript, { library, judge });
    // Only a transcript's first scoring is timed: later runs read its sentences from the
    // classifier's cache. The very first one also loads the models, and is reported apart.
    if (run === 0) {
      if (coldStartMs === null) coldStartMs = performance.now() - start;
      else timings.push(performance.now() - start);
    }
    overalls.push(report.overall);
    const previous = reports.get(label.file);
    if (!judge && previous && JSON.stringify(previous) !== JSON.stringify(report)) {
      throw new Error(`${label.file}: two offline runs differ`);
    }
    reports.set(label.file, report);
  }
  spreads.set(label.file, Math.max(...overalls) - Math.min(...overalls));
}

const scoreOf = (file: string | undefined) => (file ? (reports.get(file)?.overall ?? Number.NaN) : Number.NaN);
const byScenario = new Map<string, Map<string, string>>();
for (const label of labels) {
  const kinds = byScenario.get(label.scenarioId) ?? new Map<string, string>();
  kinds.set(label.kind, label.file);
  byScenario.set(label.scenarioId, kinds);
}

const triples: Array<[number, number, number]> = [];
let stepsInOrder = 0;
let stepsCompared = 0;
const checks: Array<{ check: string; value: number; target: string; pass: boolean }> = [];
for (const [scenarioId, kinds] of byScenario) {
  const [strong, medium, weak] = ["strong", "medium", "weak"].map((k) => kinds.get(k));
  if (!strong || !medium || !weak) continue;
  const m = scoreOf(medium);
  triples.push([scoreOf(strong), m, scoreOf(weak)]);
  const stepScores = (file: string) => reports.get(file)?.steps.map((x) => x.score) ?? [];
  const [ss, ms, ws] = [stepScores(strong), stepScores(medium), stepScores(weak)];
  STEP_IDS.forEach((_, i) => {
    stepsCompared++;
    if ((ss[i] ?? 0) > (ms[i] ?? 0) && (ms[i] ?? 0) > (ws[i] ?? 0)) stepsInOrder++;
  });
  const keywords = kinds.get("keywords");
  if (keywords)
    checks.push({
      check: `${scenarioId}: keywords below medium`,
      value: scoreOf(keywords) - m,
      target: "< 0",
      pass: scoreOf(keywords) < m,
    });
  const offtopic = kinds.get("offtopic");
  if (offtopic)
    checks.push({
      check: `${scenarioId}: off-topic below medium by`,
      value: m - scoreOf(offtopic),
      target: ">= 25",
      pass: m - scoreOf(offtopic) >= 25,
    });
}
for (const label of labels.filter((l) => l.kind === "injection" || l.kind === "padded")) {
  const change = scoreOf(label.file) - scoreOf(label.baseline);
  const limit = label.kind === "injection" ? 2 : 0;
  checks.push({
    check: `${label.file} vs ${label.baseline}`,
    value: change,
    target: `|change| <= ${limit}`,
    pass: Math.abs(change) <= limit,
  });
}
if (judge) {
  checks.push({
    check: "largest spread of the overall score over 3 judged runs",
    value: Math.max(...spreads.values()),
    target: "report",
    pass: true,
  });
}
const { pairs, right: pairsRight, smallestMargin } = orderOf(triples);
checks.unshift(
  {
    check: "pairwise order accuracy (strong > medium > weak)",
    value: round(pairsRight / pairs),
    target: "= 1",
    pass: pairsRight === pairs,
  },
  { check: "smallest margin between neighbours", value: smallestMargin, target: ">= 10", pass: smallestMargin >= 10 },
  {
    check: "steps in strong > medium > weak order",
    value: round(stepsInOrder / stepsCompared),
    target: ">= 0.9",
    pass: stepsInOrder / stepsCompared >= 0.9,
  },
  {
    check: "scoring time p50, each transcript once (ms)",
    value: round(quantile(timings, 0.5), 2),
    target: "< 1000",
    pass: quantile(timings, 0.5) < 1000,
  },
  {
    check: "first scoring of the process (loads the models, ms)",
    value: round(coldStartMs ?? Number.NaN, 0),
    target: "report",
    pass: true,
  },
  {
    check: "scoring time max (ms)",
    value: round(Math.max(...timings), 2),
    target: "< 1000",
    pass: Math.max(...timings) < 1000,
  },
);

const splits: SplitFigures[] = [];
for (const split of ["tuning", "held-out"]) {
  if (splitArg === "all" || splitArg === split)
    splits.push(await figuresOf(split, path.join(dir, "labelled", split), library));
}

console.log(
  formatTable(
    ["transcript", "kind", "overall", "level", ...STEP_IDS.map((s) => s.split("-")[0] ?? s)],
    labels.map((l) => {
      const r = reports.get(l.file);
      return [l.file, l.kind, r?.overall ?? "", r?.levelSignal ?? "", ...(r?.steps.map((s) => s.score) ?? [])];
    }),
  ),
);
console.log(
  `\n${formatTable(
    ["check", "value", "target", "pass"],
    checks.map((c) => [c.check, c.value, c.target, c.pass ? "yes" : "NO"]),
    70,
  )}\n`,
);
for (const f of splits) {
  console.log(`\nLabelled ${f.split} set (${f.transcripts} transcripts): each score against the human grade and band`);
  console.log(
    formatTable(
      ["transcript", "level", "human", "Probe", "band"],
      f.scores.map((s) => [s.file, s.level, s.human ?? "", s.overall, s.band]),
    ),
  );
}
if (splits.length > 0) {
  const rows: Array<[string, (f: SplitFigures) => string | number | null]> = [
    ["order strong > medium > weak", (f) => f.orderAccuracy],
    ["smallest margin between neighbours", (f) => f.smallestMargin],
    ["share in the intended band", (f) => f.inIntendedBand],
    ["medium: mean (min to max)", (f) => `${f.medium.mean} (${f.medium.min} to ${f.medium.max})`],
    ["strong: mean (min to max)", (f) => `${f.strong.mean} (${f.strong.min} to ${f.strong.max})`],
    ["weak: mean (min to max)", (f) => `${f.weak.mean} (${f.weak.min} to ${f.weak.max})`],
    ["mean abs. error vs human, overall", (f) => f.meanAbsoluteError.overall],
    ["mean abs. error vs human, per step", (f) => f.meanAbsoluteError.steps],
    ["quote precision (credited quote is a labelled one)", (f) => f.quotePrecision],
    ["placement (right sentence, of labelled items)", (f) => f.placementPrecision],
    ["item recall (labelled items credited)", (f) => f.itemRecall],
    ["recoveries not charged", (f) => f.recoveriesHonoured],
    ["wrong numbers charged", (f) => f.numberErrorsCharged],
    ["injected variant, largest change", (f) => f.injectedLargestChange],
    ["grader-address paraphrases detected", (f) => f.graderAddress.detected],
    ["grader-address false alarms", (f) => f.graderAddress.falseAlarms],
  ];
  console.log(
    `\n${formatTable(
      ["labelled sets", ...splits.map((f) => f.split)],
      rows.map(([name, get]) => [name, ...splits.map((f) => get(f) ?? "")]),
      60,
    )}\n`,
  );
}
console.log(
  JSON.stringify(
    {
      machine: describeMachine(),
      labelled: splits,
      scores: Object.fromEntries(
        labels.map((l) => [
          l.file,
          { kind: l.kind, overall: scoreOf(l.file), steps: reports.get(l.file)?.steps.map((s) => s.score) },
        ]),
      ),
      checks,
      allPass: checks.every((c) => c.pass),
    },
    null,
    2,
  ),
);
