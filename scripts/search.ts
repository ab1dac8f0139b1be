/**
 * `npm run search -- "QUERY" [--k N] [--scenario ID] [--step ID] [--json]`: the grounding search
 * of the interviewer, from the terminal (contract: docs/cli-contracts.md).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { zodSentence } from "@/lib/cli/zod-sentence";
import { ConfigError } from "@/lib/env";
import { groundingQuerySchema } from "@/lib/search/search-grounding";
import { getDatabase } from "@/services/database";
import { retrieveGrounding } from "@/services/grounding";

function readArguments() {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        k: { type: "string" },
        scenario: { type: "string" },
        step: { type: "string" },
        json: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}. Usage: npm run search -- "QUERY" [--k N] [--scenario ID] [--json]`,
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError('Give exactly one query in quotes, e.g. npm run search -- "position bias in click logs".');
  }
  const k = values.k === undefined ? 5 : Number(values.k);
  if (!Number.isInteger(k)) throw new UsageError(`--k must be a whole number (got "${String(values.k)}").`);
  return {
    query: positionals[0] as string,
    k,
    scenarioId: values.scenario as string | undefined,
    step: values.step as string | undefined,
    json: values.json === true,
  };
}

async function main(): Promise<void> {
  const args = readArguments();
  // Validated before the database opens, so bad input fails at once.
  const input = groundingQuerySchema.parse({
    query: args.query,
    k: args.k,
    scenarioId: args.scenarioId,
    step: args.step,
  });
  const database = await getDatabase();
  try {
    // The app's own search: the same database, embedder and re-ranker (when one loads).
    const results = await retrieveGrounding(input);
    if (args.json) {
      const contract = results.map(({ chunkId, scenarioId, step, title, text, score }) => ({
        chunkId,
        scenarioId,
        step,
        title,
        text,
        score,
      }));
      console.log(JSON.stringify(contract, null, 2));
      return;
    }
    console.log(
      formatTable(
        ["#", "score", "scenario", "step", "title", "chunk"],
        results.map((r, i) => [i + 1, r.score.toFixed(4), r.scenarioId ?? "(topic)", r.step, r.title, r.chunkId]),
      ),
    );
    if (results.length === 0) console.log("No passage matched.");
  } finally {
    await database.close();
  }
}

runCli(main, (error) => {
  if (error instanceof z.ZodError)
    return zodSentence(error, { query: "", scenarioId: "--scenario", step: "--step", k: "--k" });
  if (error instanceof ConfigError) return error.message;
  return null;
});
