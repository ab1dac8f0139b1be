import type { ExcalidrawScene } from "@/lib/diagram/excalidraw/scene";
import { STEP_TITLES, type StepId } from "@/lib/framework";
import type { ScoreReport, StepReport } from "@/lib/scoring/schema";
import type { InterviewView } from "@/lib/types";
import { diagramBlocks } from "./diagram-section";

/** What every human-readable export needs: the view, plus rubric titles the report only refers to by id. */
export interface ExportInput {
  view: InterviewView;
  /** Rubric item id -> title for the interview's scenario; unknown ids are shown as the id. */
  rubricTitles: Record<string, string>;
  /** The candidate's name for the header; left out, no name is printed. */
  displayName?: string;
  /** The candidate's diagram (issue 16), when they drew one. */
  diagram?: ExcalidrawScene | null;
}

/**
 * The interview as a Markdown document a candidate can keep or share: header, scores, per-step
 * detail, the diagram when there is one, and the full transcript. With no report yet, the
 * document is the transcript (and diagram) alone.
 */
export function exportMarkdown({ view, rubricTitles, displayName, diagram }: ExportInput): string {
  const title = (id: string) => rubricTitles[id] ?? id;
  const meta = [`**Level:** ${capitalise(view.level)}`, `**Date:** ${view.createdAt.slice(0, 10)}`];
  if (displayName) meta.push(`**Candidate:** ${inline(displayName)}`);
  const blocks: string[] = [`# Probe: ${inline(view.scenarioTitle)}`, meta.join(" · ")];

  if (view.report) blocks.push(...reportBlocks(view.report, title));
  else
    blocks.push(
      view.status === "active" ? "_The interview is still in progress; no score yet._" : "_No score report._",
    );

  if (diagram) blocks.push(...diagramBlocks(diagram));
  blocks.push("## Transcript");
  let step: StepId | undefined;
  for (const turn of view.turns) {
    if (turn.step && turn.step !== step) {
      step = turn.step;
      blocks.push(`### ${STEP_TITLES[step]}`);
    }
    const speaker = turn.role === "interviewer" ? "Interviewer" : "Candidate";
    blocks.push(`**${speaker}:** ${neutraliseBlocks(turn.content.trim())}`);
  }
  if (view.turns.length === 0) blocks.push("_No turns yet._");
  return `${blocks.join("\n\n")}\n`;
}

function reportBlocks(report: ScoreReport, title: (id: string) => string): string[] {
  const blocks = [
    "## Score",
    `**Overall: ${report.overall}/100** · reads at ${report.levelSignal.replace("-", " ")} level against a ${report.level} bar`,
    [
      "| Step | Score |",
      "| --- | ---: |",
      ...report.steps.map((s) => `| ${cell(STEP_TITLES[s.step])} | ${s.score} |`),
    ].join("\n"),
  ];
  report.steps.forEach((step, i) => {
    blocks.push(`## ${i + 1}. ${STEP_TITLES[step.step]} (${step.score}/100)`, ...stepBlocks(step, title));
  });
  if (report.notes.length > 0) blocks.push("## Notes", report.notes.map((n) => `- ${inline(n)}`).join("\n"));
  return blocks;
}

function stepBlocks(step: StepReport, title: (id: string) => string): string[] {
  // The feedback already ends with what to learn next, so that is not repeated here.
  const blocks = [step.feedback];
  if (step.covered.length > 0) {
    const items = step.covered.map(
      (c) => `- **${inline(title(c.rubricId))}**${c.credit < 1 ? " (partly)" : ""}\n${quote(c.quote, "  ")}`,
    );
    blocks.push("**Covered**", items.join("\n"));
  }
  if (step.missing.length > 0) {
    blocks.push("**Missing**", step.missing.map((id) => `- ${inline(title(id))}`).join("\n"));
  }
  if (step.lost.length > 0) {
    const items = step.lost.map(
      (l) => `- **${inline(title(l.rubricId))}**: ${inline(l.mistake)}\n${quote(l.quote, "  ")}`,
    );
    blocks.push("**Lost to a common mistake**", items.join("\n"));
  }
  if (step.citations.length > 0) {
    const items = step.citations.map((c) => `- ${inline(c.title)} (${c.scenarioId ?? "cross-cutting"})`);
    blocks.push("**Read**", items.join("\n"));
  }
  return blocks;
}

/** A blockquote keeps the quote verbatim; every line needs the marker or the quote ends early. */
function quote(text: string, indent: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => `${indent}> ${line}`)
    .join("\n");
}

/** Table cells end at `|` and at a newline, so both are neutralised. */
function cell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/\s*\r?\n\s*/g, " ");
}

/** Text placed inside a single line (headings, list items) must not break it. */
function inline(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, " ");
}

/**
 * Turns are kept verbatim (candidates write lists and code), except lines that would turn into
 * headings, which would otherwise break the document's own outline.
 */
function neutraliseBlocks(text: string): string {
  return text.replace(/^(\s{0,3})(#{1,6}\s|=+\s*$|-+\s*$)/gm, "$1\\$2");
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
