import { describe, expect, it } from "vitest";
import { chunkPassage } from "./chunk-passage";

const sentence = (n: number) => `Sentence ${n} has exactly seven words here.`;

describe("chunkPassage", () => {
  it("keeps a passage that fits as one chunk with the passage's id", () => {
    expect(chunkPassage("vr-p1", "  Short   text. Two sentences. ")).toEqual([
      { id: "vr-p1", passageId: "vr-p1", text: "Short text. Two sentences." },
    ]);
  });

  it("cuts a long passage at sentence ends, with one sentence of overlap", () => {
    const text = Array.from({ length: 6 }, (_, i) => sentence(i + 1)).join(" ");
    const chunks = chunkPassage("p", text, 21);
    expect(chunks.map((c) => c.id)).toEqual(["p#1", "p#2", "p#3"]);
    expect(chunks[0]?.text).toBe([sentence(1), sentence(2), sentence(3)].join(" "));
    expect(chunks[1]?.text.startsWith(sentence(3))).toBe(true);
    for (const chunk of chunks) expect(chunk.text.split(" ").length).toBeLessThanOrEqual(21);
    expect(chunks.at(-1)?.text.endsWith(sentence(6))).toBe(true);
  });

  it("keeps a sentence longer than the limit whole, and drops an overlap that would not fit", () => {
    const long = `${"word ".repeat(30).trim()}.`;
    expect(chunkPassage("p", `${long} Next one.`, 10).map((c) => c.text)).toEqual([long, "Next one."]);
  });

  it("never drops text: decimals and versions stay inside their sentence", () => {
    const text = `${"Calibration matters here. ".repeat(6)}Alert when the ratio leaves 0.9 to 1.1 for two hours. Use v2.3 of the job.`;
    const joined = chunkPassage("p", text, 12)
      .map((c) => c.text)
      .join(" ");
    expect(joined).toContain("Alert when the ratio leaves 0.9 to 1.1 for two hours.");
    expect(joined).toContain("Use v2.3 of the job.");
    for (const word of text.split(" ")) expect(joined).toContain(word);
  });
});
