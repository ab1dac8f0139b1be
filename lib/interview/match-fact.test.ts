import { describe, expect, it } from "vitest";
import { getScenario } from "@/lib/scenarios/library";
import { matchFacts } from "./match-fact";

const facts = getScenario("visual-search").facts;
const ids = (question: string, similarity?: { scores: number[]; threshold: number }) =>
  matchFacts(facts, question, { similarity }).map((f) => f.id);

describe("matchFacts", () => {
  it("finds a fact by its trigger", () => {
    expect(ids("what's the latency budget?")[0]).toBe("vis-fact-latency");
  });
  it("finds a fact by the words of its answer when no trigger is used", () => {
    expect(ids("Searches per second at peak?")[0]).toBe("vis-fact-users");
  });
  it("finds nothing for a question no fact answers", () => {
    expect(ids("What colour is the logo?")).toEqual([]);
  });
  it("finds a fact an embedder calls close even with no shared word", () => {
    const similarity = { scores: facts.map((f) => (f.id === "vis-fact-growth" ? 0.8 : 0.1)), threshold: 0.55 };
    expect(ids("How quickly does the collection expand?", similarity)).toEqual(["vis-fact-growth"]);
  });
});
