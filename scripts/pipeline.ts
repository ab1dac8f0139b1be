/**
 * `npm run pipeline -- NAME [--param value ...] [--json]`: runs a reference pipeline on a worker
 * thread with a progress bar, then prints its summary table (or the whole result as JSON).
 * Values are numbers where they parse as numbers, JSON where they start with [ or {.
 */
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { zodSentence } from "@/lib/cli/zod-sentence";
import { getPipeline, PIPELINE_NAMES, UnknownPipelineError } from "@/lib/pipelines/registry";
import { PipelineRunError, runPipelineInWorker } from "@/lib/pipelines/run-in-worker";

function parseValue(raw: string): unknown {
  if (/^-?\d+(\.\d+)?(e\d+)?$/i.test(raw)) return Number(raw);
  if (raw.startsWith("[") || raw.startsWith("{")) {
    try {
      return JSON.parse(raw);
    } catch {
      throw new UsageError(`The value ${raw} is not valid JSON.`);
    }
  }
  if (raw === "true" || raw === "false") return raw === "true";
  return raw;
}

function readArguments(argv: string[]) {
  const [name, ...rest] = argv;
  if (!name || name.startsWith("--")) {
    throw new UsageError(
      `Name a pipeline: npm run pipeline -- NAME [--param value] [--json]; one of ${PIPELINE_NAMES.join(", ")}.`,
    );
  }
  const params: Record<string, unknown> = {};
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] ?? "";
    if (flag === "--json") {
      json = true;
      continue;
    }
    const value = rest[i + 1];
    if (!flag.startsWith("--") || value === undefined)
      throw new UsageError(`Expected --param value pairs, got "${flag}".`);
    params[flag.slice(2)] = parseValue(value);
    i++;
  }
  return { name, params, json };
}

async function main(): Promise<void> {
  const { name, params, json } = readArguments(process.argv.slice(2));
  const pipeline = getPipeline(name);
  const validated = pipeline.paramsSchema.parse(params);
  const bar = new SingleBar({
    format: "{bar} {percentage}% {message}",
    hideCursor: true,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
  bar.start(100, 0, { message: "starting" });
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort());
  const result = await runPipelineInWorker(name, validated, {
    signal: controller.signal,
    onProgress: (fraction, message) => bar.update(Math.round(fraction * 100), { message }),
  }).finally(() => bar.stop());
  if (json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const summary = pipeline.summarize(result);
  console.log(`\n${summary.headline}\n`);
  console.log(
    formatTable(
      ["", "value", "how"],
      summary.rows.map((r) => [r.label, r.value, r.formula ?? ""]),
      70,
    ),
  );
  for (const assumption of summary.assumptions ?? []) console.log(`assumes: ${assumption}`);
}

runCli(main, (error) => {
  if (error instanceof z.ZodError) return zodSentence(error);
  if (error instanceof UnknownPipelineError) return error.message;
  if (error instanceof PipelineRunError && error.cancelled) return "Cancelled.";
  return null;
});
