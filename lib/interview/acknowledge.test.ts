import { describe, expect, it } from "vitest";
import type { LedgerEntry } from "@/lib/types";
import { acknowledge, startsWithVerb } from "./acknowledge";

const gpus: LedgerEntry = {
  source: "candidate",
  text: "340",
  kind: "count",
  value: 340,
  what: "GPUs",
  sentence: "About 340 GPUs.",
  turn: 1,
  step: "model-development",
};

describe("startsWithVerb", () => {
  it.each([
    ["Splits retrieval from ranking", true],
    ["Chooses encoders and a fusion strategy", true],
    ["Multi-label classification", false],
    ["Calibrated probabilities", false],
    ["Class imbalance", false],
  ])("%s", (title, verb) => {
    expect(startsWithVerb(title)).toBe(verb);
  });
});

describe("acknowledge", () => {
  it("names the candidate's own number with what it counts", () => {
    expect(acknowledge({ numbers: [gpus], earnedTitles: [], used: [] })?.text).toBe("You said 340 GPUs.");
  });
  it("turns a verb-phrase title into a sentence and a noun-phrase title into another", () => {
    expect(acknowledge({ numbers: [], earnedTitles: ["Splits retrieval from ranking"], used: [] })?.text).toBe(
      "That splits retrieval from ranking.",
    );
    expect(acknowledge({ numbers: [], earnedTitles: ["Multi-label classification"], used: [] })?.text).toBe(
      "That covers multi-label classification.",
    );
  });
  it("never repeats a template, and says nothing once all are used", () => {
    const used: string[] = [];
    const said = new Set<string>();
    for (let i = 0; i < 10; i++) {
      const ack = acknowledge({ numbers: [gpus], earnedTitles: [], used });
      if (!ack) break;
      expect(used).not.toContain(ack.template);
      used.push(ack.template);
      said.add(ack.text);
    }
    expect(said.size).toBe(used.length);
    expect(acknowledge({ numbers: [gpus], earnedTitles: [], used })).toBeNull();
  });
  it("says nothing specific when there is nothing specific", () => {
    expect(acknowledge({ numbers: [], earnedTitles: [], used: [] })).toBeNull();
  });
});
