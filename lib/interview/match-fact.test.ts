import { describe, expect, it } from "vitest";
import { getScenario } from "@/lib/scenarios/library";
import { correctTypos, matchFacts, oneEditApart, questionParts } from "./match-fact";

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

describe("questions typed in a hurry, and asked two at a time", () => {
  it("reads a typo as the one fact word an edit away, and leaves real words alone", () => {
    const facts = getScenario("news-feed").facts;
    expect(correctTypos("whats the latncy budget", facts)).toBe("what the latency budget");
    expect(correctTypos("what colour is the logo", facts)).toBe("what colour is the logo");
  });
  it("splits a question that asks two things before each new question word", () => {
    expect(questionParts("How many daily users do we have, and how fast does it need to be?")).toEqual([
      "How many daily users do we have",
      "how fast does it need to be?",
    ]);
    expect(questionParts("What is the fraud rate?")).toEqual(["What is the fraud rate?"]);
  });
  it.each([
    ["ab", "ba", true],
    ["users", "usres", true],
    ["latency", "latncy", true],
    ["user", "users", true],
    ["logs", "logo", true],
    ["latency", "lattency", true],
    ["cat", "dog", false],
    ["users", "user1s2", false],
  ])("oneEditApart(%s, %s) is %s", (a, b, expected) => {
    expect(oneEditApart(a, b)).toBe(expected);
  });
});
