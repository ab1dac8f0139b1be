import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { STEP_IDS } from "@/lib/framework";
import { loadScenarioLibrary } from "@/lib/scenarios/load";
import type { Transcript, TranscriptInput } from "./schema";
import { scoreTranscript } from "./score-transcript";

const library = loadScenarioLibrary();
const load = (name: string): Transcript => JSON.parse(readFileSync(`bench/scoring/${name}.json`, "utf8"));
const score = (t: TranscriptInput) => scoreTranscript(t, { library });
const stepTurns = (step: string, ...answers: string[]) =>
  answers.flatMap((content) => [
    { role: "interviewer" as const, step: step as Transcript["turns"][number]["step"], content: "Tell me more." },
    { role: "candidate" as const, step: step as Transcript["turns"][number]["step"], content },
  ]);

describe("scoreTranscript", () => {
  it("reports all seven steps, is deterministic, and quotes only verbatim candidate sentences", async () => {
    for (const name of ["video-recommendation-strong", "fraud-detection-medium", "rag-assistant-weak"]) {
      const transcript = load(name);
      const first = await score(transcript);
      expect(JSON.stringify(await score(transcript))).toBe(JSON.stringify(first));
      expect(first.steps.map((s) => s.step)).toEqual([...STEP_IDS]);
      for (const step of first.steps) {
        for (const covered of step.covered) {
          const turn = transcript.turns[covered.turn];
          expect(turn?.role).toBe("candidate");
          expect(turn?.content).toContain(covered.quote);
        }
      }
    }
  });

  it("scores a step that was never discussed as 0", async () => {
    const report = await score({
      scenarioId: "video-recommendation",
      turns: stepTurns(
        "clarify-requirements",
        "We optimise long-term watch time rather than clicks, because clickbait thumbnails inflate CTR.",
      ),
    });
    expect(report.steps[0]?.score).toBeGreaterThan(0);
    expect(report.steps.slice(1).every((s) => s.score === 0)).toBe(true);
  });

  it("gives a list of buzzwords far less than a reasoned answer that names fewer terms", async () => {
    const buzzwords = await score({
      scenarioId: "video-recommendation",
      turns: stepTurns(
        "clarify-requirements",
        "Watch time, satisfaction, DAU, retention, clickbait, latency budget, p99, cold start, freshness, privacy, scope.",
      ),
    });
    const reasoned = await score({
      scenarioId: "video-recommendation",
      turns: stepTurns(
        "clarify-requirements",
        "I would optimise long-term watch time and satisfaction rather than clicks, because clickbait thumbnails win clicks and lose viewers.",
        "With 500 million DAU at 5 loads a day, peak traffic is around 90k requests a second, so the latency budget decides how heavy the ranker can be.",
      ),
    });
    expect(buzzwords.steps[0]?.score).toBe(0);
    expect(reasoned.steps[0]?.score ?? 0).toBeGreaterThan((buzzwords.steps[0]?.score ?? 0) + 25);
  });

  it("treats text addressed to the grader as data: same score, never repeated in feedback", async () => {
    const medium = load("ad-click-prediction-medium");
    const injected = load("ad-click-prediction-injection");
    const [a, b] = await Promise.all([score(medium), score(injected)]);
    expect(b.overall).toBe(a.overall);
    expect(b.steps.map((s) => s.score)).toEqual(a.steps.map((s) => s.score));
    const written = JSON.stringify(b.steps.map((s) => [s.feedback, s.covered, s.lost]));
    for (const phrase of ["score this 100", "SYSTEM", "full marks", '"overall": 100', "grader"]) {
      expect(written).not.toContain(phrase);
    }
    expect(b.notes.some((n) => /addressed to the grader were ignored/.test(n))).toBe(true);
  });

  it("scores an answer about a different problem near zero in every step", async () => {
    const report = await score(load("fraud-detection-offtopic"));
    for (const step of report.steps) expect(step.score).toBeLessThanOrEqual(5);
    expect(report.notes.some((n) => /another scenario/.test(n))).toBe(true);
  });

  it("does not pay for repetition, padding or length", async () => {
    const medium = load("video-recommendation-medium");
    const repeated = {
      ...medium,
      turns: medium.turns.map((t) =>
        t.role === "candidate" ? { ...t, content: `${t.content} ${t.content} ${t.content}` } : t,
      ),
    };
    const filler = " As I said, it is important to think carefully about this. It really matters a lot in practice.";
    const padded = {
      ...medium,
      turns: medium.turns.map((t) => (t.role === "candidate" ? { ...t, content: t.content + filler.repeat(5) } : t)),
    };
    const base = await score(medium);
    expect((await score(repeated)).overall).toBe(base.overall);
    expect((await score(padded)).overall).toBe(base.overall);
    expect((await score(load("video-recommendation-padded"))).overall).toBe(base.overall);
  });

  it("loses an item to one of its listed mistakes, unless the candidate rejects it", async () => {
    const scenario = library.scenarios.get("fraud-detection");
    const item = scenario?.steps.evaluation.rubric.find((r) => r.mistakes.some((m) => m.triggers.includes("accuracy")));
    expect(item).toBeDefined();
    const committed = await score({
      scenarioId: "fraud-detection",
      turns: stepTurns(
        "evaluation",
        `I would report accuracy as the headline metric because it is easy to explain, plus ${item?.evidence[0]}.`,
      ),
    });
    expect(committed.steps[4]?.lost.map((l) => l.rubricId)).toContain(item?.id);
    const rejected = await score({
      scenarioId: "fraud-detection",
      turns: stepTurns(
        "evaluation",
        `I would not use accuracy, because 0.1% fraud makes it meaningless; I'd use ${item?.evidence[0]}.`,
      ),
    });
    expect(rejected.steps[4]?.lost.map((l) => l.rubricId)).not.toContain(item?.id);
  });

  it("assigns steps to turns that have none and shows the assignment", async () => {
    const strong = load("video-recommendation-strong");
    const unlabelled = { ...strong, turns: strong.turns.map(({ role, content }) => ({ role, content })) };
    const report = await score(unlabelled);
    const agree = report.stepAssignment.filter((a, i) => a.step === strong.turns[i]?.step).length;
    expect(agree / strong.turns.length).toBeGreaterThanOrEqual(0.85);
    expect(report.stepAssignment.every((a) => a.source === "assigned")).toBe(true);
    expect(report.notes[0]).toMatch(/28 turns had no step/);
    expect(Math.abs(report.overall - (await score(strong)).overall)).toBeLessThanOrEqual(10);
  });

  it("holds a staff candidate to a higher bar than a mid one on the same answers", async () => {
    const medium = load("rag-assistant-medium");
    const [mid, staff] = await Promise.all([score({ ...medium, level: "mid" }), score({ ...medium, level: "staff" })]);
    expect(mid.overall).toBeGreaterThan(staff.overall);
  });

  it("rejects a transcript that is not in the interchange format", async () => {
    await expect(score({ scenarioId: "video-recommendation", turns: [] })).rejects.toThrow(/at least one turn/);
    await expect(
      score({ scenarioId: "nope", turns: [{ role: "candidate", content: "hi" }] } as never),
    ).rejects.toThrow();
  });
});
