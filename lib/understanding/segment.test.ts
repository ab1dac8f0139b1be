import { describe, expect, it } from "vitest";
import { splitIntoSentences } from "./segment";

const texts = (message: string) => splitIntoSentences(message).map((s) => s.text);

describe("splitIntoSentences", () => {
  it("splits at sentence ends and keeps each sentence verbatim", () => {
    const message = "I'd shard by user.  What's the peak QPS? Next step please!";
    const spans = splitIntoSentences(message);
    expect(spans.map((s) => s.text)).toEqual(["I'd shard by user.", "What's the peak QPS?", "Next step please!"]);
    for (const span of spans) expect(message.slice(span.start, span.end)).toBe(span.text);
  });

  it("does not split decimals or abbreviations", () => {
    expect(texts("Use e.g. logistic regression on 1.5 TB of logs. Then rank.")).toEqual([
      "Use e.g. logistic regression on 1.5 TB of logs.",
      "Then rank.",
    ]);
  });

  it("splits at a bare line break", () => {
    expect(texts("next\nhint please\r\n\r\nend")).toEqual(["next", "hint please", "end"]);
  });

  it("never drops text: every non-space character is covered once", () => {
    const message = "ok... so 🙂 two towers?? yes!!! (maybe)\n- bullet one\n  - bullet two";
    const spans = splitIntoSentences(message);
    const covered = spans.map((s) => s.text).join("");
    expect(covered.replace(/\s/g, "")).toBe(message.replace(/\s/g, ""));
    for (const span of spans) expect(message.slice(span.start, span.end)).toBe(span.text);
  });

  it("returns nothing for whitespace", () => {
    expect(splitIntoSentences("  \n\t ")).toEqual([]);
  });
});
