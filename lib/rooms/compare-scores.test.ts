import { describe, expect, it } from "vitest";
import type { ScoreReport, StepReport } from "@/lib/domain/report";
import { compareScores } from "@/lib/rooms/compare-scores";
import { rubricAtLevel } from "@/lib/rooms/rubric-at-level";
import type { PeerScoreItem } from "@/lib/rooms/types";

// scenarios/video-recommendation.yaml at level senior, by hand:
// clarify-requirements: objective mid 3, scale mid 2, latency mid 2, cold-freshness senior 2,
//   constraints senior 2, scope-stakeholders staff 2 (not expected) -> expected weight 11.
// evaluation: retrieval-metrics mid 2, ranking-metrics mid 2, ab-test mid 3, offline-online-gap senior 2,
//   slices senior 2, long-term staff 2 (not expected) -> expected weight 11.

const UNUSED = { missing: [], lost: [], recovered: [], feedback: "", nextToLearn: null, citations: [] };
function step(step: StepReport["step"], score: number, covered: Array<[string, number, string]>): StepReport {
  const entries = covered.map(([rubricId, credit, quote], turn) => ({ rubricId, credit, quote, turn }));
  return { step, score, covered: entries, ...UNUSED };
}

// Steps given out of order on purpose: the report must follow STEP_IDS.
const ai: ScoreReport = {
  scenarioId: "video-recommendation",
  level: "senior",
  overall: 55,
  steps: [
    step("evaluation", 40, [
      ["vr-eval-retrieval-metrics", 0.7, "q-recall"],
      ["vr-eval-ranking-metrics", 0.2, "q-ndcg"],
      ["vr-eval-ab-test", 0.5, "q-ab"],
      ["vr-eval-slices", 1, "q-slices"],
    ]),
    step("clarify-requirements", 70, [
      ["vr-clarify-objective", 1, "q-obj"],
      ["vr-clarify-scale", 0.5, "q-scale-mention"],
      ["vr-clarify-scale", 1, "q-scale-claim"],
      ["vr-clarify-scale", 1, "q-scale-later"],
      ["vr-clarify-latency", 0.5, "q-lat"],
    ]),
  ],
  levelSignal: "senior",
  stepAssignment: [],
  notes: [],
};

function tick(rubricId: string, ticked: boolean, quote: string | null = null): PeerScoreItem {
  const step = rubricId.startsWith("vr-eval") ? "evaluation" : "clarify-requirements";
  return { rubricId, step, ticked, quote, quoteMessageId: quote ? `m-${quote}` : null };
}

const alice = {
  userId: "u-alice",
  displayName: "Alice",
  items: [
    tick("vr-clarify-objective", true),
    tick("vr-clarify-scale", true, "alice-scale"),
    tick("vr-clarify-cold-freshness", false),
    tick("vr-clarify-scope-stakeholders", true),
    tick("vr-eval-retrieval-metrics", true),
    tick("vr-eval-ab-test", true, "alice-ab"),
  ],
};
const carol = { userId: "u-carol", displayName: "Carol", items: [] };
const bobTicks = ["vr-clarify-objective", "vr-clarify-latency", "vr-clarify-constraints"];
const bob = { userId: "u-bob", displayName: "Bob", items: bobTicks.map((id) => tick(id, true)) };

const input = { scenarioId: "video-recommendation" as const, level: "senior" as const, ai, peers: [alice, carol, bob] };

describe("compareScores", () => {
  const report = compareScores(input);

  it("counts only peers who scored something, in input order", () => {
    expect(report.scorers.map((s) => `${s.userId}:${s.displayName}`)).toEqual(["u-alice:Alice", "u-bob:Bob"]);
  });

  // The AI's step computation over the ticks (senior: expected weight 11 per step; a staff item
  // earns half its weight; calibrated by the senior knots 0.32 -> 50, 0.71 -> 80, linear between):
  // clarify: Alice objective 3 + scale 2 + scope (staff) 2 x 0.5 = 6/11 = 0.5455 -> 50 + 30 x 0.2255/0.39 = 67.3 -> 67;
  //   Bob objective 3 + latency 2 + constraints 2 = 7/11 = 0.6364 -> 50 + 30 x 0.3164/0.39 = 74.3 -> 74;
  //   mean 70.5; |70 - 70.5| / 100 = 0.005.
  // evaluation: Alice retrieval 2 + ab-test 3 = 5/11 = 0.4545 -> 50 + 30 x 0.1345/0.39 = 60.3 -> 60; Bob 0;
  //   mean 30; |40 - 30| / 100 = 0.1.
  it("scores each step the AI scored, in framework order", () => {
    const scores = report.steps.map((s) => [s.step, s.ai, ...s.peers.map((p) => `${p.userId}:${p.score}`)]);
    expect(scores).toEqual([
      ["clarify-requirements", 70, "u-alice:67", "u-bob:74"],
      ["evaluation", 40, "u-alice:60", "u-bob:0"],
    ]);
    expect(report.steps[0]?.disagreement).toBeCloseTo(0.005, 9);
    expect(report.steps[1]?.disagreement).toBeCloseTo(0.1, 9);
  });

  // Two scorers, so the share ticked is 0, 0.5 or 1. Ties keep step order, then rubric order;
  // retrieval |0.7 - 0.5| and ranking |0.2 - 0| are both 0.2 and tie despite floating point.
  const ranking = [
    ["vr-eval-slices", 1, 1, "q-slices"],
    ["vr-clarify-scale", 0.5, 1, "q-scale-claim"],
    ["vr-clarify-constraints", 0.5, 0, null],
    ["vr-clarify-scope-stakeholders", 0.5, 0, null],
    ["vr-eval-retrieval-metrics", 0.2, 0.7, "q-recall"],
    ["vr-eval-ranking-metrics", 0.2, 0.2, "q-ndcg"],
    ["vr-clarify-objective", 0, 1, "q-obj"],
    ["vr-clarify-latency", 0, 0.5, "q-lat"],
    ["vr-clarify-cold-freshness", 0, 0, null],
    ["vr-eval-ab-test", 0, 0.5, "q-ab"],
    ["vr-eval-offline-online-gap", 0, 0, null],
    ["vr-eval-long-term", 0, 0, null],
  ] as const;
  it.each(ranking.map((row, place) => [place, ...row] as const))(
    "puts at place %i %s: disagreement %d, AI credit %d",
    (place, rubricId, disagreement, credit, quote) => {
      expect(report.items[place]).toMatchObject({ rubricId, disagreement, ai: { credit, quote } });
    },
  );

  it("lists every item of the scored steps exactly once", () => {
    expect(report.items.map((i) => i.rubricId)).toEqual(ranking.map((row) => row[0]));
  });

  it("shows each scorer's tick and quote, untouched items as not ticked", () => {
    const scale = report.items.find((i) => i.rubricId === "vr-clarify-scale");
    expect(scale).toEqual({
      step: "clarify-requirements",
      rubricId: "vr-clarify-scale",
      title: "Establishes users, corpus and traffic",
      ai: { credit: 1, quote: "q-scale-claim" },
      peers: [
        { userId: "u-alice", displayName: "Alice", ticked: true, quote: "alice-scale" },
        { userId: "u-bob", displayName: "Bob", ticked: false, quote: null },
      ],
      disagreement: 0.5,
    });
  });

  it("reports no disagreement when nobody scored", () => {
    const alone = compareScores({ ...input, peers: [carol] });
    expect(alone.scorers).toEqual([]);
    expect(alone.steps.map((s) => [s.step, s.ai, s.peers, s.disagreement])).toEqual([
      ["clarify-requirements", 70, [], 0],
      ["evaluation", 40, [], 0],
    ]);
    expect(alone.items.every((i) => i.disagreement === 0 && i.peers.length === 0)).toBe(true);
    // All tie at 0, so the list is the rubric itself: clarify's six items, then evaluation's.
    const rubric = rubricAtLevel("video-recommendation", "senior").filter((s) =>
      ai.steps.some((a) => a.step === s.step),
    );
    expect(alone.items.map((i) => i.rubricId)).toEqual(rubric.flatMap((s) => s.items.map((i) => i.id)));
  });

  it("is deterministic and leaves its input alone", () => {
    const before = structuredClone(input);
    expect(compareScores(input)).toEqual(report);
    expect(input).toEqual(before);
  });
});
