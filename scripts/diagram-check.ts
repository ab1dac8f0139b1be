/**
 * `npm run diagram:check -- FILE.mmd --scenario ID [--transcript FILE.json] [--json]`: runs the
 * diagram checks (issue 16) on a Mermaid flowchart (or an Excalidraw scene: FILE.excalidraw or .json) against a scenario's reference design and,
 * given a transcript in the interchange format (docs/transcript-format.md), the conversation.
 * Findings are not errors: exit 0 with or without them; exit 2 for input it cannot use.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatTable } from "@/lib/cli/print-table";
import { readTextFile, readTranscriptFile } from "@/lib/cli/read-transcript-file";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { diagramCheckContext, runDiagramChecks } from "@/lib/diagram/checks";
import { parseScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";
import { parseMermaid } from "@/lib/diagram/mermaid/parse";
import { DiagramParseError, type DiagramText, MAX_MERMAID_CHARS } from "@/lib/diagram/types";
import { SCENARIO_IDS } from "@/lib/framework";
import { getScenario } from "@/lib/scenarios/library";

const USAGE =
  "Usage: npm run diagram:check -- FILE.mmd|FILE.excalidraw --scenario ID [--transcript FILE.json] [--json]";

const argsSchema = z.object({
  file: z.string().min(1),
  scenario: z.enum(SCENARIO_IDS, {
    error: (issue) => `Unknown scenario "${String(issue.input)}"; valid ids: ${SCENARIO_IDS.join(", ")}.`,
  }),
  transcript: z.string().min(1).optional(),
  json: z.boolean(),
});

/** An Excalidraw scene (a saved .excalidraw file or the JSON export's diagramScene) rather than Mermaid. */
const SCENE_FILE = /\.(?:excalidraw|json)$/i;

function readDiagram(file: string): DiagramText {
  const source = readTextFile(file);
  if (SCENE_FILE.test(file)) {
    try {
      return sceneToDiagram(parseScene(source));
    } catch (error) {
      if (error instanceof DiagramParseError)
        throw new UsageError(`${file} is not an Excalidraw scene: ${error.message}`);
      throw error;
    }
  }
  if (source.length > MAX_MERMAID_CHARS) {
    throw new UsageError(`${file} has ${source.length} characters; a diagram can have at most ${MAX_MERMAID_CHARS}.`);
  }
  try {
    return parseMermaid(source);
  } catch (error) {
    if (error instanceof DiagramParseError)
      throw new UsageError(`${file} is not a Mermaid flowchart: ${error.message}`);
    throw error;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        allowPositionals: true,
        options: {
          scenario: { type: "string" },
          transcript: { type: "string" },
          json: { type: "boolean", default: false },
        },
      });
    } catch (error) {
      throw new UsageError(`${(error as Error).message}. ${USAGE}`);
    }
  })();
  if (positionals.length !== 1) throw new UsageError(`Give exactly one diagram file. ${USAGE}`);
  if (values.scenario === undefined) throw new UsageError(`--scenario is required. ${USAGE}`);
  const args = argsSchema.parse({ ...values, file: positionals[0] });
  const diagram = readDiagram(args.file);
  const turns = args.transcript ? readTranscriptFile(args.transcript).turns : [];
  const findings = runDiagramChecks(diagram, diagramCheckContext(getScenario(args.scenario), turns));
  if (args.json) {
    console.log(JSON.stringify({ findings: findings.map((f) => ({ kind: f.kind, message: f.message })) }));
  } else if (findings.length === 0) {
    console.log("No findings.");
  } else {
    console.log(
      formatTable(
        ["kind", "message"],
        findings.map((f) => [f.kind, f.message]),
        200,
      ),
    );
  }
}

runCli(main, (error) => (error instanceof z.ZodError ? (error.issues[0]?.message ?? "Invalid input.") : null));
