/**
 * `npm run score -- FILE [--json] [--no-citations]`: scores a transcript in the
 * interchange format (docs/transcript-format.md; output contract in docs/cli-contracts.md). Prints the score report as JSON with --json, a table without.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatTable } from "@/lib/cli/print-table";
import { readTranscriptFile } from "@/lib/cli/read-transcript-file";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { STEP_TITLES } from "@/lib/framework";
import { getScenarioLibrary } from "@/lib/scenarios/library";
import { transcriptDiagramProblem } from "@/lib/scoring/read-transcript-diagram";
import type { ScoreReport } from "@/lib/scoring/schema";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import { getDatabase } from "@/services/database";
import { scoreWithCitations } from "@/services/score";

function printTable(report: ScoreReport): void {
  console.log(
    `${report.scenarioId} at ${report.level} level: overall ${report.overall}/100, reads as ${report.levelSignal}\n`,
  );
  console.log(
    formatTable(
      ["step", "score", "covered", "missing", "next to learn"],
      report.steps.map((s) => [STEP_TITLES[s.step], s.score, s.covered.length, s.missing.length, s.nextToLearn ?? "-"]),
      70,
    ),
  );
  for (const note of report.notes) console.log(`\nnote: ${note}`);
}

async function main(): Promise<void> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: { json: { type: "boolean", default: false }, "no-citations": { type: "boolean", default: false } },
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}. Usage: npm run score -- FILE [--json]`);
    }
  })();
  if (positionals.length !== 1)
    throw new UsageError("Give exactly one transcript file: npm run score -- FILE [--json].");
  const transcript = readTranscriptFile(positionals[0] as string);
  const diagramProblem = transcriptDiagramProblem(transcript.diagram);
  if (diagramProblem) throw new UsageError(diagramProblem);
  let report: ScoreReport;
  if (values["no-citations"]) {
    report = await scoreTranscript(transcript, { library: getScenarioLibrary() });
  } else {
    report = await scoreWithCitations(transcript);
    await (await getDatabase()).close();
  }
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else printTable(report);
}

runCli(main, (error) => (error instanceof z.ZodError ? (error.issues[0]?.message ?? "Invalid input.") : null));
