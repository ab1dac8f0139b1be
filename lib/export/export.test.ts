import { readFileSync } from "node:fs";
import { decodePDFRawStream, PDFArray, PDFDocument, PDFRawStream } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import { type ScoreReport, type Transcript, transcriptSchema } from "@/lib/scoring/schema";
import { scoreTranscript } from "@/lib/scoring/score-transcript";
import type { InterviewView } from "@/lib/types";
import { exportJson } from "./to-json";
import { exportMarkdown } from "./to-markdown";
import { exportPdf } from "./to-pdf";

const library = loadScenarioLibrary();
const transcript: Transcript = JSON.parse(readFileSync("bench/scoring/video-recommendation-strong.json", "utf8"));
const scenario = library.scenarios.get(transcript.scenarioId);
const rubricTitles = Object.fromEntries(
  STEP_IDS.flatMap((step) => scenario?.steps[step].rubric.map((item) => [item.id, item.title]) ?? []),
);

function viewOf(turns: Transcript["turns"], report: ScoreReport | null, title = scenario?.title ?? ""): InterviewView {
  return {
    id: "interview-1",
    scenarioId: transcript.scenarioId,
    scenarioTitle: title,
    level: transcript.level,
    status: report ? "completed" : "active",
    currentStep: report ? "monitoring" : "clarify-requirements",
    turns: turns.map((turn, i) => ({ id: `turn-${i}`, ...turn })),
    ledger: [],
    stepStartedAt: "2025-03-14T10:00:00.000Z",
    stepBudgetsMs: Object.fromEntries(STEP_IDS.map((step) => [step, 300_000])) as Record<StepId, number>,
    coverage: {},
    report,
    createdAt: "2025-03-14T09:30:00.000Z",
    eventSeq: 0,
  };
}

/** The text a PDF shows: pdf-lib writes standard-font text as `<hex> Tj` in flate-compressed content streams. */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes);
  const lines: string[] = [];
  for (const page of doc.getPages()) {
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    for (const stream of streams) {
      if (!(stream instanceof PDFRawStream)) continue;
      const source = Buffer.from(decodePDFRawStream(stream).decode()).toString("latin1");
      for (const match of source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
        lines.push(Buffer.from(match[1] ?? "", "hex").toString("latin1"));
      }
    }
  }
  return lines.join("\n");
}

let view: InterviewView;
let report: ScoreReport;

beforeAll(async () => {
  report = await scoreTranscript(transcript, { library });
  const first = report.steps[0];
  if (first) {
    first.citations = [
      { chunkId: "c1", scenarioId: "video-recommendation", step: first.step, title: "Watch time as a proxy" },
    ];
  }
  view = viewOf(transcript.turns, report);
});

describe("exportMarkdown", () => {
  it("has the header, the score table, every step with a verbatim quote, and the transcript", () => {
    const md = exportMarkdown({ view, rubricTitles, displayName: "Ada Lovelace" });
    const headings = [...md.matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings[0]).toBe(`# Probe: ${scenario?.title}`);
    expect(md).toContain("**Date:** 2025-03-14");
    expect(md).toContain("**Candidate:** Ada Lovelace");
    expect(headings).toEqual(expect.arrayContaining(["## Score", "## Transcript"]));
    expect(md).toContain(`**Overall: ${report.overall}/100**`);

    const rows = [...md.matchAll(/^\| (.+) \| (\d+) \|$/gm)].map((m) => [m[1], Number(m[2])]);
    expect(rows).toEqual(report.steps.map((s) => [STEP_TITLES[s.step], s.score]));
    for (const [i, step] of report.steps.entries()) {
      expect(headings).toContain(`## ${i + 1}. ${STEP_TITLES[step.step]} (${step.score}/100)`);
      expect(headings).toContain(`### ${STEP_TITLES[step.step]}`);
    }

    const quotes = [...md.matchAll(/^ {2}> (.+)$/gm)].map((m) => m[1]);
    const covered = report.steps.flatMap((s) => s.covered);
    expect(covered.length).toBeGreaterThan(0);
    for (const c of covered) expect(quotes).toContain(c.quote);
    expect(md).toContain(`- **${rubricTitles[covered[0]?.rubricId ?? ""]}**`);
    expect(md).toContain("- Watch time as a proxy (video-recommendation)");

    const speakers = [...md.matchAll(/^\*\*(Interviewer|Candidate):\*\* /gm)];
    expect(speakers).toHaveLength(transcript.turns.length);
  });

  it("exports a view without a report as its transcript, and keeps turns from breaking the outline", () => {
    const turns: Transcript["turns"] = [
      { role: "interviewer", step: "clarify-requirements", content: "What | matters?" },
      { role: "candidate", step: "clarify-requirements", content: "Two things:\n# not a heading\n---" },
    ];
    const md = exportMarkdown({ view: viewOf(turns, null), rubricTitles });
    expect(md).toContain("still in progress");
    expect(md).not.toContain("## Score");
    expect([...md.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1])).toEqual([
      `Probe: ${scenario?.title}`,
      "Transcript",
      STEP_TITLES["clarify-requirements"],
    ]);
    expect(md).toContain("**Candidate:** Two things:\n\\# not a heading\n\\---");
  });
});

describe("exportJson", () => {
  it("is the interchange document plus the report", () => {
    const json = exportJson({ view });
    expect(json.endsWith("}\n")).toBe(true);
    const parsed = JSON.parse(json);
    const document = transcriptSchema.parse(parsed);
    expect(document.turns).toEqual(transcript.turns);
    expect(parsed.report.overall).toBe(report.overall);
    expect(parsed).not.toHaveProperty("id");
  });

  it("writes report: null when there is none", () => {
    const parsed = JSON.parse(exportJson({ view: viewOf(transcript.turns.slice(0, 2), null) }));
    expect(transcriptSchema.safeParse(parsed).success).toBe(true);
    expect(parsed.report).toBeNull();
  });
});

describe("exportPdf", () => {
  it("writes a multi-page PDF with title metadata, the scores, quotes and the transcript", async () => {
    const bytes = await exportPdf({ view, rubricTitles, displayName: "Ada Lovelace" });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
    expect(doc.getTitle()).toBe(`Probe: ${scenario?.title}`);

    const text = await pdfText(bytes);
    expect(text).toContain(`Overall: ${report.overall}/100`);
    expect(text).toContain("Candidate: Ada Lovelace");
    for (const step of report.steps) expect(text).toContain(`${STEP_TITLES[step.step]} (${step.score}/100)`);
    expect(text).toContain("Watch time as a proxy");
    expect(text).toContain(`Page ${doc.getPageCount()} of ${doc.getPageCount()}`);
    // Wrapped lines are pieces of the quote; its first words start a line.
    const quote = report.steps.flatMap((s) => s.covered)[0]?.quote ?? "";
    expect(text).toContain(quote.split(" ").slice(0, 4).join(" "));
  });

  it("never throws on text the standard fonts cannot encode, and keeps what it can", async () => {
    const awkward = "Recall ≥ 0.9 \u2014 “quoted” … 推荐系统 🚀👩‍💻 naïve café ő\u00A0ﬁne\ttab\r\nnext line";
    const turns: Transcript["turns"] = [
      { role: "interviewer", step: "evaluation", content: awkward },
      { role: "candidate", step: "evaluation", content: `${"x".repeat(400)} ${awkward}` },
    ];
    const bytes = await exportPdf({
      view: viewOf(turns, null, `Émoji 🎬 title — 视频`),
      rubricTitles,
      displayName: "李雷",
    });
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Probe: Émoji 🎬 title — 视频");
    const text = await pdfText(bytes);
    expect(text).toContain(`Recall >= 0.9 - "quoted" ...   naïve café o fine    tab`);
    expect(text).toContain("next line");
    expect(text).toContain("still in progress");
    expect(text).not.toContain("Overall");
  });
});
