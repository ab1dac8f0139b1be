import { describe, expect, it } from "vitest";
import type { PassageChunk } from "@/db/queries/search";
import { buildLexicalIndex, TITLE_BOOST, type WeightedTerm } from "./bm25-index";

let next = 0;
function chunk(text: string, extra: Partial<PassageChunk> = {}): PassageChunk {
  const id = extra.id ?? `c${next++}`;
  return { id, passageId: id, scenarioId: null, steps: ["evaluation"], title: "", sources: [], ...extra, text };
}
const terms = (...words: string[]): WeightedTerm[] => words.map((term) => ({ term, weight: 1 }));
const idsOf = (hits: Array<{ id: string }>) => hits.map((h) => h.id);

describe("buildLexicalIndex", () => {
  it("scores by BM25+ (k1 1.2, b 0.7, delta 0.5): a hand-computed value", () => {
    // "drift" is in 1 of 4 texts, which average 3 words; the hit has 2 words and tf 1.
    const index = buildLexicalIndex([
      chunk("drift alarm", { id: "hit" }),
      chunk("alarm bells ring"),
      chunk("alarm clock sound loud"),
      chunk("quiet night rest"),
    ]);
    const idf = Math.log(1 + (4 - 1 + 0.5) / (1 + 0.5));
    const expected = idf * (0.5 + (1 * 2.2) / (1 + 1.2 * (1 - 0.7 + (0.7 * 2) / 3)));
    const [hit] = index.search(terms("drift"), { filter: {}, limit: 5 });
    expect(hit?.id).toBe("hit");
    expect(hit?.score).toBeCloseTo(expected, 10);
  });

  it("weighs a term rarer in the corpus more", () => {
    const index = buildLexicalIndex([
      chunk("calibration matters here", { id: "common" }),
      chunk("calibration of scores"),
      chunk("calibration after sampling"),
      chunk("recalibrate nothing else"),
      chunk("chargeback matters here", { id: "rare" }),
    ]);
    expect(idsOf(index.search(terms("calibration", "chargeback"), { filter: {}, limit: 2 }))[0]).toBe("rare");
  });

  it("normalises by length: the same single match counts more in a shorter text", () => {
    const index = buildLexicalIndex([
      chunk("latency budget for the ranking stage across every region and every device type", { id: "long" }),
      chunk("latency budget", { id: "short" }),
      chunk("unrelated words only"),
    ]);
    const [first, second] = index.search(terms("latency"), { filter: {}, limit: 5 });
    expect([first?.id, second?.id]).toEqual(["short", "long"]);
    expect(first?.score).toBeGreaterThan(second?.score ?? Number.POSITIVE_INFINITY);
  });

  it(`boosts a match in the title (x${TITLE_BOOST}) over one in the text`, () => {
    const index = buildLexicalIndex([
      chunk("negative sampling keeps training cheap", { id: "in-text", title: "Training data" }),
      chunk("keeps training cheap by sampling", { id: "in-title", title: "Negative data" }),
      chunk("other words"),
    ]);
    expect(idsOf(index.search(terms("negative"), { filter: {}, limit: 5 }))).toEqual(["in-title", "in-text"]);
  });

  it("uses the project's stemming and stopwords, and weights query terms", () => {
    const index = buildLexicalIndex([
      chunk("ranking the results", { id: "a" }),
      chunk("labels arrive late", { id: "b" }),
    ]);
    expect(idsOf(index.search(terms("rank"), { filter: {}, limit: 5 }))).toEqual(["a"]);
    expect(index.search(terms("the"), { filter: {}, limit: 5 })).toEqual([]);
    const query = [
      { term: "rank", weight: 0.1 },
      { term: "label", weight: 1 },
    ];
    expect(idsOf(index.search(query, { filter: {}, limit: 5 }))).toEqual(["b", "a"]);
    expect(index.termCounts("a")).toEqual(
      new Map([
        ["rank", 1],
        ["result", 1],
      ]),
    );
    expect(index.documentFrequency("rank")).toBe(1);
  });

  it.each([
    [{}, ["fraud-eval", "fraud-mon", "topic-eval", "video-eval"]],
    [{ scenarioId: "fraud-detection" }, ["fraud-eval", "fraud-mon", "topic-eval"]],
    [{ step: "evaluation" }, ["fraud-eval", "topic-eval", "video-eval"]],
    [{ scenarioId: "fraud-detection", step: "monitoring" }, ["fraud-mon"]],
    [{ scenarioId: "news-feed", step: "monitoring" }, []],
  ])("filters %j as the SQL filter does: own scenario plus topics, by step", (filter, expected) => {
    const index = buildLexicalIndex([
      chunk("drift", { id: "fraud-eval", scenarioId: "fraud-detection", steps: ["evaluation"] }),
      chunk("drift", { id: "fraud-mon", scenarioId: "fraud-detection", steps: ["monitoring"] }),
      chunk("drift", { id: "topic-eval", scenarioId: null, steps: ["evaluation", "data-preparation"] }),
      chunk("drift", { id: "video-eval", scenarioId: "video-recommendation", steps: ["evaluation"] }),
    ]);
    expect(idsOf(index.search(terms("drift"), { filter, limit: 10 })).sort()).toEqual(expected);
  });

  it("returns at most `limit` hits and nothing for an empty query", () => {
    const index = buildLexicalIndex(["a", "b", "c"].map((id) => chunk("shared word", { id })));
    expect(index.search(terms("word"), { filter: {}, limit: 2 })).toHaveLength(2);
    expect(index.search([], { filter: {}, limit: 2 })).toEqual([]);
  });
});
