import { describe, expect, it } from "vitest";
import type { StepId } from "@/lib/framework";
import type { CandidateIntent } from "@/lib/interview/detect-intent";
import { routeAfterAssessment } from "./routers";

const route = (intent: CandidateIntent, step: StepId, probes = 0) =>
  routeAfterAssessment({ intent, step, probesPerStep: { [step]: probes } });

describe("routeAfterAssessment", () => {
  it.each([
    ["answer", "evaluation", 0, "askFollowUp"],
    ["answer", "evaluation", 1, "advanceStep"],
    ["answer", "monitoring", 1, "wrapUp"],
    ["next", "clarify-requirements", 0, "advanceStep"],
    ["next", "monitoring", 0, "wrapUp"],
    ["hint", "data-preparation", 3, "giveHint"],
    ["question", "frame-problem", 0, "answerQuestion"],
    ["end", "frame-problem", 0, "wrapUp"],
  ] as const)("intent %s in %s after %i probes goes to %s", (intent, step, probes, expected) => {
    expect(route(intent, step, probes)).toBe(expected);
  });
});
