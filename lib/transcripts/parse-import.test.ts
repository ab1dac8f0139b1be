import { describe, expect, it } from "vitest";
import type { Transcript } from "@/lib/scoring/schema";
import { parseImportedTranscript } from "./parse-import";

const chosen = { scenarioId: "video-recommendation", level: "senior" } as const;
const parse = (text: string) => parseImportedTranscript({ text, ...chosen });
const json = (value: unknown) => JSON.stringify(value, null, 2);

/** A transcript of the chosen scenario and level with these turns. */
const transcript = (turns: Transcript["turns"], level: Transcript["level"] = "senior"): Transcript => ({
  scenarioId: "video-recommendation",
  level,
  turns,
});

const goodText = [
  "Interviewer: Design a video recommender for the home page.",
  "## Clarify requirements",
  "Candidate: How many daily users are there?",
  "And what latency budget do we have?",
  "",
  "",
  "I'd also ask about cold start.",
  "Candidate-generation latency matters most.",
  "INTERVIEWER - About 100 million, and 200 ms end to end.",
  "",
  "[evaluation]",
  "candidate: Offline I'd track recall@k.",
  "[laughs]",
  "Step: Deployment and serving",
  "Interviewer – How would you serve it?",
  "Candidate:",
  "Two stages: retrieval, then ranking.",
].join("\n");

const successes: { name: string; text: string; expected: Transcript }[] = [
  {
    name: "interchange JSON, keeping its level and dropping extra fields",
    text: json({
      scenarioId: "video-recommendation",
      level: "staff",
      exportedAt: "2025-01-01",
      turns: [
        { role: "interviewer", step: "clarify-requirements", content: "Design a recommender." },
        { role: "candidate", content: "How many users?", confidence: 0.9 },
      ],
    }),
    expected: transcript(
      [
        { role: "interviewer", step: "clarify-requirements", content: "Design a recommender." },
        { role: "candidate", content: "How many users?" },
      ],
      "staff",
    ),
  },
  {
    name: "JSON without scenarioId or level, taking the chosen ones, after a byte-order mark",
    text: `\uFEFF  ${json({ turns: [{ role: "candidate", content: "Two towers." }] })}`,
    expected: transcript([{ role: "candidate", content: "Two towers." }]),
  },
  {
    name: "plain text with multi-line turns, paragraph breaks and step markers",
    text: goodText,
    expected: transcript([
      { role: "interviewer", content: "Design a video recommender for the home page." },
      {
        role: "candidate",
        step: "clarify-requirements",
        content:
          "How many daily users are there?\nAnd what latency budget do we have?\n\nI'd also ask about cold start.\nCandidate-generation latency matters most.",
      },
      { role: "interviewer", step: "clarify-requirements", content: "About 100 million, and 200 ms end to end." },
      { role: "candidate", step: "evaluation", content: "Offline I'd track recall@k.\n[laughs]" },
      { role: "interviewer", step: "deployment-serving", content: "How would you serve it?" },
      { role: "candidate", step: "deployment-serving", content: "Two stages: retrieval, then ranking." },
    ]),
  },
  {
    name: "Q:/A: prefixes with Windows line endings and a step id marker",
    text: "[model-development]\r\nQ: Which model?\r\nA: A two-tower model.\r\nq : Why?\r\na: Cheap retrieval.\r\n",
    expected: transcript([
      { role: "interviewer", step: "model-development", content: "Which model?" },
      { role: "candidate", step: "model-development", content: "A two-tower model." },
      { role: "interviewer", step: "model-development", content: "Why?" },
      { role: "candidate", step: "model-development", content: "Cheap retrieval." },
    ]),
  },
  {
    name: "text right after a step marker opening a turn by the same speaker",
    text: "Candidate: Labels come from watch time.\n### Evaluation\nI'd use NDCG@10.",
    expected: transcript([
      { role: "candidate", content: "Labels come from watch time." },
      { role: "candidate", step: "evaluation", content: "I'd use NDCG@10." },
    ]),
  },
];

const turn = (role: string, content = "Some words.") => ({ role, content });
const failures: { name: string; text: string; error: string | RegExp }[] = [
  {
    name: "broken JSON",
    text: '{"scenarioId": "video-recommendation", "turns": [}',
    error: /^The JSON is not valid: Unexpected token '}'[^\n]*\.$/,
  },
  {
    name: "JSON with a trailing comma",
    text: '{"turns": [],}',
    error: /^The JSON is not valid: .+ at position 13.*\.$/,
  },
  {
    name: "a wrong role",
    text: json({ turns: [turn("interviewer"), turn("candidate"), turn("judge")] }),
    error: "turns.2.role must be interviewer or candidate.",
  },
  {
    name: "an unknown step in JSON",
    text: json({ turns: [{ ...turn("candidate"), step: "metrics" }] }),
    error:
      "turns.0.step must be clarify-requirements, frame-problem, data-preparation, model-development, evaluation, deployment-serving or monitoring.",
  },
  { name: "JSON without turns", text: json({ level: "mid" }), error: "turns is missing." },
  { name: "JSON with no turns", text: json({ turns: [] }), error: "The transcript is empty." },
  {
    name: "content that is not a string",
    text: json({ turns: [{ role: "candidate", content: 42 }] }),
    error: "turns.0.content must be a string.",
  },
  {
    name: "an unknown level",
    text: json({ level: "principal", turns: [turn("candidate")] }),
    error: "level must be mid, senior or staff.",
  },
  {
    name: "JSON for another scenario",
    text: json({ scenarioId: "search-ranking", turns: [turn("candidate")] }),
    error: "The file is for scenario search-ranking but video-recommendation was chosen.",
  },
  {
    name: "a JSON turn over 20,000 characters",
    text: json({ turns: [turn("candidate", "x".repeat(20_001))] }),
    error: "turns.0.content is too long: a turn can be at most 20,000 characters.",
  },
  {
    name: "JSON with no candidate turn",
    text: json({ turns: [turn("interviewer"), turn("candidate", "  ")] }),
    error: "The transcript has no candidate turn to score.",
  },
  {
    name: "text with no candidate turn",
    text: "Interviewer: Hello.\nInterviewer: Anyone there?",
    error: "The transcript has no candidate turn to score.",
  },
  { name: "empty text", text: "", error: "The transcript is empty." },
  { name: "blank text", text: " \n\t\n", error: "The transcript is empty." },
  { name: "only step markers", text: "## Evaluation\n[monitoring]", error: "The transcript is empty." },
  {
    name: "oversize text",
    text: `Candidate: ${"x".repeat(500_000)}`,
    error: "The transcript can be at most 500,000 characters.",
  },
  {
    name: "text that starts with an unprefixed line",
    text: "\n\nMock interview with Sam\nInterviewer: Hi.\nCandidate: Hello.",
    error: "Line 3 does not start with Interviewer: or Candidate: and there is no turn before it to continue.",
  },
  {
    name: "a heading that names no step",
    text: "Interviewer: Hi.\n## Deploy\nCandidate: Hello.",
    error:
      'Line 2 names an unknown step "Deploy"; use a step id such as data-preparation or a title such as Data preparation.',
  },
  {
    name: "a text turn over 20,000 characters",
    text: `Interviewer: Hi.\n\nCandidate: ${"x".repeat(20_001)}`,
    error: "The turn starting on line 3 is too long: a turn can be at most 20,000 characters.",
  },
];

describe("parseImportedTranscript", () => {
  it.each(successes)("reads $name", ({ text, expected }) => {
    expect(parse(text)).toEqual({ ok: true, transcript: expected });
  });

  it.each(failures)("refuses $name with one sentence", ({ text, error }) => {
    const result = parse(text);
    expect(Object.keys(result).sort()).toEqual(["error", "ok"]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    if (typeof error === "string") expect(result.error).toBe(error);
    else expect(result.error).toMatch(error);
    expect(result.error).not.toContain("\n");
  });

  it("keeps a diagram that parses and refuses one that does not, with its line", () => {
    const turns = [{ role: "candidate", content: "A two-tower retrieval stage feeds a ranker." }];
    const good = parse(json({ turns, diagram: "flowchart TD\n  A[Retrieval] --> B[Ranker]" }));
    expect(good.ok && good.transcript.diagram).toContain("Retrieval");
    const bad = parse(json({ turns, diagram: "flowchart TD\n  A[Retrieval] --> B[Ranker\n  C --> D" }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^The transcript's diagram is not a Mermaid flowchart: Line 2/);
  });

  it("uses the chosen level when the JSON has none", () => {
    const result = parseImportedTranscript({ text: json({ turns: [turn("candidate")] }), ...chosen, level: "mid" });
    expect(result.ok && result.transcript.level).toBe("mid");
  });
});
