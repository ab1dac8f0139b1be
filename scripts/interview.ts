/**
 * `npm run interview -- --scenario ID [--level senior] [--minutes 45] [--resume INTERVIEW_ID]`:
 * the same interviewer graph in the terminal. Replies stream as they are produced; the
 * interview is stored like a web one, so Ctrl-D leaves it to resume later.
 */
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { formatTable } from "@/lib/cli/print-table";
import { runCli, UsageError } from "@/lib/cli/usage-error";
import { zodSentence } from "@/lib/cli/zod-sentence";
import { DEFAULT_LEVEL, STEP_TITLES } from "@/lib/framework";
import { levelSchema, scenarioIdSchema } from "@/lib/scenarios/schema";
import type { InterviewView } from "@/lib/types";
import { getDatabase } from "@/services/database";
import { getInterviewView, sendCandidateMessage, startInterview } from "@/services/interviews/interview-service";
import { awaitPendingChecks } from "@/services/interviews/pending-checks";

const argsSchema = z.object({
  scenario: scenarioIdSchema.optional(),
  level: levelSchema.default(DEFAULT_LEVEL),
  minutes: z.coerce.number().int().min(10).max(120).default(45),
  resume: z.uuid({ message: "must be an interview id" }).optional(),
});

function readArguments() {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      options: {
        scenario: { type: "string" },
        level: { type: "string" },
        minutes: { type: "string" },
        resume: { type: "string" },
      },
    }).values;
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Usage: npm run interview -- --scenario ID [--level senior]`);
  }
  const args = argsSchema.parse(values);
  if (!args.scenario && !args.resume)
    throw new UsageError("Name a scenario with --scenario ID, or resume one with --resume ID.");
  return args;
}

function printReport(view: InterviewView): void {
  if (!view.report) return;
  console.log(
    `\n${formatTable(
      ["step", "score", "next to learn"],
      view.report.steps.map((s) => [STEP_TITLES[s.step], s.score, s.nextToLearn ?? "-"]),
      80,
    )}`,
  );
}

async function main(): Promise<void> {
  const args = readArguments();
  const database = await getDatabase();
  let view = args.resume
    ? await getInterviewView(database, args.resume)
    : await startInterview(database, { scenarioId: args.scenario as never, level: args.level, minutes: args.minutes });
  console.log(`\n${view.scenarioTitle} · ${view.level} · interview ${view.id}\n`);
  for (const turn of view.turns)
    console.log(`${turn.role === "interviewer" ? "Interviewer" : "You"}: ${turn.content}\n`);
  // Reading lines as an async iterator keeps piped input: question() drops lines that arrive early.
  const terminal = createInterface({ input: process.stdin, terminal: false });
  const prompt = () => process.stdout.write(`[${STEP_TITLES[view.currentStep]}] you> `);
  try {
    prompt();
    for await (const line of terminal) {
      if (!line.trim()) {
        prompt();
        continue;
      }
      process.stdout.write(`${process.stdin.isTTY ? "" : `${line}\n`}\nInterviewer: `);
      view = await sendCandidateMessage(
        database,
        { interviewId: view.id, messageId: randomUUID(), content: line },
        (event) => {
          if (event.type === "token") process.stdout.write(event.token);
          if (event.type === "reset")
            process.stdout.write("\n(the model stopped; the offline interviewer answers)\nInterviewer: ");
        },
      );
      process.stdout.write("\n\n");
      // A pipeline check runs after the reply; its card is printed when it arrives.
      await awaitPendingChecks(database, view, (_turnId, card) => {
        process.stdout.write(`Check (${card.title}): ${card.headline}\n\n`);
      });
      if (view.status !== "active") break;
      prompt();
    }
    if (view.status === "active") console.log(`\nPaused. Resume with: npm run interview -- --resume ${view.id}`);
    printReport(view);
  } finally {
    terminal.close();
    await database.close();
  }
}

runCli(main, (error) =>
  error instanceof z.ZodError
    ? zodSentence(error, { scenario: "--scenario", level: "--level", minutes: "--minutes", resume: "--resume" })
    : null,
);
