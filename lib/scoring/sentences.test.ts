import { describe, expect, it } from "vitest";
import { splitSentences } from "./sentences";

describe("splitSentences", () => {
  it("splits at sentence ends and newlines, keeps decimals, and returns exact substrings", () => {
    const content = "Recall@10 of 0.95 is fine. Why?  Because p99 is 10 ms!\nNext line without stop";
    const sentences = splitSentences(content, 3);
    expect(sentences.map((s) => s.text)).toEqual([
      "Recall@10 of 0.95 is fine.",
      "Why?",
      "Because p99 is 10 ms!",
      "Next line without stop",
    ]);
    for (const s of sentences) {
      expect(content.slice(s.start, s.start + s.text.length)).toBe(s.text);
      expect(s.turn).toBe(3);
    }
  });

  it("returns nothing for blank text", () => {
    expect(splitSentences("  \n ", 0)).toEqual([]);
  });
});
