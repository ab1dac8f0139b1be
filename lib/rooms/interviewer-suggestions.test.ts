import { describe, expect, it } from "vitest";
import type { Level } from "@/lib/domain/framework";
import { suggestFollowUps } from "@/lib/rooms/interviewer-suggestions";

// scenarios/video-recommendation.yaml, clarify-requirements, by hand. Rubric levels:
// objective mid, scale mid, latency mid, cold-freshness senior, constraints senior, scope-stakeholders staff.
// Follow-ups (index: id kind [targets]):
// 0 qps number [scale]                 1 watchtime-vs-survey tradeoff [objective, scope-stakeholders]
// 2 new-upload failure [cold-freshness] 3 clicks pushback [objective]
// 4 dsa depth [constraints]             5 latency number [latency]
// Score: 10 per open target expected at the level + 2 per open target - 0.01 x index;
// pushback +20 when a target was lost, else -5; a built mistake pushback scores 15.
const QPS_TEXT = "Given 500 million daily users, what peak request rate are you designing for?";
const LATENCY_PUSHBACK =
  "The homepage is the first screen after the app opens. What happens to sessions if it takes two seconds?";

interface Case {
  name: string;
  level: Level;
  credits?: Record<string, number>;
  lost?: Array<{ rubricId: string; mistake: string }>;
  asked?: string[];
  limit?: number;
  expected: string[];
}

const cases: Case[] = [
  {
    // qps 12, watchtime 12+2-0.01 = 13.99, new-upload 11.98, clicks 12-0.03-5 = 6.97, dsa 11.96, latency 11.95.
    name: "nothing covered at senior: default limit 5 drops the unprovoked pushback",
    level: "senior",
    expected: [
      "vr-clarify-fu-watchtime-vs-survey",
      "vr-clarify-fu-qps",
      "vr-clarify-fu-new-upload",
      "vr-clarify-fu-dsa",
      "vr-clarify-fu-latency",
    ],
  },
  {
    // qps asked (retyped); watchtime 12+2-0.01 = 13.99 (scope not expected at mid), new-upload 2-0.02 = 1.98,
    // clicks 12-0.03+20 = 31.97 (objective lost), dsa 2-0.04 = 1.96, latency 11.95.
    name: "mid, objective lost: its scripted pushback first, no built one",
    level: "mid",
    credits: { "vr-clarify-objective": 0.5 },
    lost: [{ rubricId: "vr-clarify-objective", mistake: "Optimises clicks only." }],
    asked: [`  ${QPS_TEXT.toUpperCase().replace(/ /g, "   ")}\n`],
    limit: 10,
    expected: [
      "vr-clarify-fu-clicks",
      "vr-clarify-fu-watchtime-vs-survey",
      "vr-clarify-fu-latency",
      "vr-clarify-fu-new-upload",
      "vr-clarify-fu-dsa",
    ],
  },
  {
    // qps and latency fully earned (1, 1.2): dropped; clicks: objective earned, dropped.
    // watchtime: only scope open, not expected at senior: 2-0.01 = 1.99; new-upload 11.98; dsa 11.96.
    name: "fully earned targets drop a follow-up, partly earned ones keep it",
    level: "senior",
    credits: { "vr-clarify-scale": 1, "vr-clarify-latency": 1.2, "vr-clarify-objective": 1 },
    limit: 10,
    expected: ["vr-clarify-fu-new-upload", "vr-clarify-fu-dsa", "vr-clarify-fu-watchtime-vs-survey"],
  },
  {
    // latency and constraints lost, no scripted pushback targets them: built ones at 15, in lost order,
    // ahead of watchtime 13.99 and qps 12; a lost item of another step is ignored.
    name: "mistakes without a scripted pushback get built ones",
    level: "senior",
    lost: [
      { rubricId: "vr-eval-slices", mistake: "Reports only global averages." },
      { rubricId: "vr-clarify-latency", mistake: "treats latency as unimportant or assumes seconds are acceptable." },
      { rubricId: "vr-clarify-constraints", mistake: "Ignores GDPR." },
      { rubricId: "vr-clarify-latency", mistake: "Says latency does not matter." },
    ],
    limit: 4,
    expected: [
      "mistake:vr-clarify-latency",
      "mistake:vr-clarify-constraints",
      "vr-clarify-fu-watchtime-vs-survey",
      "vr-clarify-fu-qps",
    ],
  },
  {
    name: "a built pushback already asked is not suggested again",
    level: "senior",
    lost: [
      { rubricId: "vr-clarify-latency", mistake: "Treats latency as unimportant or assumes seconds are acceptable." },
    ],
    asked: [LATENCY_PUSHBACK.toLowerCase()],
    limit: 2,
    expected: ["vr-clarify-fu-watchtime-vs-survey", "vr-clarify-fu-qps"],
  },
  { name: "limit 0 suggests nothing", level: "staff", limit: 0, expected: [] },
];

describe("suggestFollowUps", () => {
  it.each(cases)("$name", ({ level, credits = {}, lost = [], asked = [], limit, expected }) => {
    const suggestions = suggestFollowUps({
      scenarioId: "video-recommendation",
      level,
      step: "clarify-requirements",
      credits,
      lost,
      asked,
      limit,
    });
    expect(suggestions.map((s) => s.id)).toEqual(expected);
  });

  it("returns id, kind and text, with the scenario's pushback line or one built from the mistake", () => {
    const [latency, constraints, watchtime] = suggestFollowUps({
      scenarioId: "video-recommendation",
      level: "senior",
      step: "clarify-requirements",
      credits: {},
      lost: cases[3]?.lost ?? [],
      asked: [],
    });
    expect(latency).toEqual({ id: "mistake:vr-clarify-latency", kind: "pushback", text: LATENCY_PUSHBACK });
    expect(constraints).toEqual({
      id: "mistake:vr-clarify-constraints",
      kind: "pushback",
      text: "Push back: Ignores GDPR.",
    });
    expect(watchtime).toEqual({
      id: "vr-clarify-fu-watchtime-vs-survey",
      kind: "tradeoff",
      text: "A model raises watch time 2% but survey satisfaction drops 1%. Do you ship it, and who makes that call?",
    });
  });

  it("leaves its input alone", () => {
    const input = {
      scenarioId: "video-recommendation" as const,
      level: "mid" as const,
      step: "clarify-requirements" as const,
      credits: { "vr-clarify-scale": 1 },
      lost: [{ rubricId: "vr-clarify-latency", mistake: "x" }],
      asked: [QPS_TEXT],
    };
    const before = structuredClone(input);
    suggestFollowUps(input);
    expect(input).toEqual(before);
  });
});
