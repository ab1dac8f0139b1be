/**
 * `npm run metrics -- classification FILE.csv [--json]` and
 * `npm run metrics -- ranking FILE.csv [--k 5,10] [--json]`: offline metrics from a CSV, so a
 * candidate's numbers can be checked against the same conventions as scikit-learn (docs/metric-conventions.md).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { type ClassificationMetrics, classificationMetrics } from "@/lib/metrics/classification";
import { MetricInputError } from "@/lib/metrics/input-error";
import { CsvFormatError, parseClassificationCsv, parseRankingCsv } from "@/lib/metrics/parse-csv";
import { type RankingMetrics, rankingMetrics } from "@/lib/metrics/ranking";

const USAGE =
  "npm run metrics -- classification FILE.csv [--json] or npm run metrics -- ranking FILE.csv [--k 5,10] [--json]";
const DEFAULT_KS = "5,10";

type Task = "classification" | "ranking";

const OPTIONS = { k: { type: "string" }, json: { type: "boolean", default: false } } as const;

function readArguments() {
  const parsed = (() => {
    try {
      return parseArgs({ allowPositionals: true, options: OPTIONS });
    } catch (error) {
      // Node's message runs to several sentences; its first one names the problem.
      const problem = (error as Error).message.split(". ")[0]?.replace(/\.$/, "");
      throw new UsageError(`${problem}; usage: ${USAGE}.`);
    }
  })();
  const { values, positionals } = parsed;
  const [task, file] = positionals;
  const isTask = (name: string | undefined): name is Task => name === "classification" || name === "ranking";
  if (positionals.length !== 2 || !isTask(task) || !file) {
    throw new UsageError(`Give the task (classification or ranking) and one CSV file: ${USAGE}.`);
  }
  if (task === "classification" && values.k !== undefined) throw new UsageError("--k applies only to ranking.");
  return { task, file, ks: parseKs(values.k ?? DEFAULT_KS), json: values.json === true };
}

function parseKs(raw: string): number[] {
  const ks = raw.split(",").map((part) => Number(part.trim()));
  if (ks.some((k) => !Number.isInteger(k) || k < 1)) {
    throw new UsageError(`--k must be whole numbers >= 1 separated by commas, e.g. --k 5,10 (got "${raw}").`);
  }
  return ks;
}

function readCsv(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`Cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
}

const fixed = (value: number) => value.toFixed(6);

function printClassification(metrics: ClassificationMetrics): void {
  const rows: Array<[string, string | number]> = [
    ["ROC-AUC", fixed(metrics.rocAuc)],
    ["average precision", fixed(metrics.averagePrecision)],
    ["log loss", fixed(metrics.logLoss)],
    ["normalized entropy", fixed(metrics.normalizedEntropy)],
    ["calibration ratio", fixed(metrics.calibrationRatio)],
    ["rows", metrics.n],
    ["positives", metrics.positives],
  ];
  console.log(formatTable(["metric", "value"], rows));
}

function printRanking(metrics: RankingMetrics): void {
  const rows = Object.keys(metrics.ndcg).map((k) => [k, fixed(metrics.ndcg[k] ?? 0), fixed(metrics.recall[k] ?? 0)]);
  console.log(formatTable(["k", "NDCG@k", "recall@k"], rows));
  console.log(`\nMRR ${fixed(metrics.mrr)} over ${metrics.queries} ${metrics.queries === 1 ? "query" : "queries"}`);
}

/** Parses and computes; bad rows and undefined metrics become one-sentence usage errors naming the file. */
function computeAndPrint(task: Task, text: string, ks: number[], json: boolean): void {
  if (task === "classification") {
    const { labels, scores } = parseClassificationCsv(text);
    const metrics = classificationMetrics(labels, scores);
    if (json) console.log(JSON.stringify(metrics, null, 2));
    else printClassification(metrics);
    return;
  }
  const metrics = rankingMetrics(parseRankingCsv(text), ks);
  if (json) console.log(JSON.stringify(metrics, null, 2));
  else printRanking(metrics);
}

async function main(): Promise<void> {
  const { task, file, ks, json } = readArguments();
  const text = readCsv(file);
  try {
    computeAndPrint(task, text, ks, json);
  } catch (error) {
    if (error instanceof CsvFormatError) throw new UsageError(`${file} line ${error.line}: ${error.detail}`);
    if (error instanceof MetricInputError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

runCli(main, () => null);
