import { describe, expect, it } from "vitest";
import { LEVELS, STEP_IDS } from "@/lib/domain/framework";
import { rubricAtLevel } from "@/lib/rooms/rubric-at-level";

// video-recommendation, clarify-requirements, read by hand from scenarios/video-recommendation.yaml:
// objective mid 3, scale mid 2, latency mid 2, cold-freshness senior 2, constraints senior 2, scope staff 2.
const CLARIFY_IDS = [
  "vr-clarify-objective",
  "vr-clarify-scale",
  "vr-clarify-latency",
  "vr-clarify-cold-freshness",
  "vr-clarify-constraints",
  "vr-clarify-scope-stakeholders",
];

describe("rubricAtLevel", () => {
  it("lists every step in framework order", () => {
    expect(rubricAtLevel("video-recommendation", "senior").map((s) => s.step)).toEqual([...STEP_IDS]);
  });

  it("keeps the scenario's items, order, titles, levels and weights", () => {
    const clarify = rubricAtLevel("video-recommendation", "mid")[0];
    expect(clarify?.items.map((i) => i.id)).toEqual(CLARIFY_IDS);
    expect(clarify?.items[0]).toEqual({
      id: "vr-clarify-objective",
      title: "Ties the homepage to a business objective beyond clicks",
      level: "mid",
      weight: 3,
      expected: true,
    });
    expect(clarify?.items.map((i) => [i.level, i.weight])).toEqual([
      ["mid", 3],
      ["mid", 2],
      ["mid", 2],
      ["senior", 2],
      ["senior", 2],
      ["staff", 2],
    ]);
  });

  it.each([
    ["mid", [true, true, true, false, false, false]],
    ["senior", [true, true, true, true, true, false]],
    ["staff", [true, true, true, true, true, true]],
  ] as const)("marks clarify-requirements items expected at %s", (level, expected) => {
    expect(rubricAtLevel("video-recommendation", level)[0]?.items.map((i) => i.expected)).toEqual(expected);
  });

  // Per step, items expected (hand count from the scenario file): mid 3+2+2+2+3+2+2 = 16,
  // senior 5+4+5+5+5+5+5 = 34, staff every item, 7 x 6 = 42.
  it.each([
    ["mid", 16],
    ["senior", 34],
    ["staff", 42],
  ] as const)("counts the items expected at %s across the scenario", (level, count) => {
    const items = rubricAtLevel("video-recommendation", level).flatMap((s) => s.items);
    expect(items).toHaveLength(42);
    expect(items.filter((i) => i.expected)).toHaveLength(count);
  });

  it("lists the same items at every level; only the flag changes", () => {
    const ids = LEVELS.map((level) =>
      rubricAtLevel("video-recommendation", level).flatMap((s) => s.items.map((i) => i.id)),
    );
    expect(ids[1]).toEqual(ids[0]);
    expect(ids[2]).toEqual(ids[0]);
  });

  it("throws for an unknown scenario", () => {
    // @ts-expect-error: not a scenario id
    expect(() => rubricAtLevel("no-such-scenario", "mid")).toThrow(/Unknown scenario/);
  });
});
