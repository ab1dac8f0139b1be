import { describe, expect, it } from "vitest";
import type { Turn } from "@/lib/types";
import { candidateSentences } from "./candidate-sentences";

const turns: Turn[] = [
  { id: "i1", role: "interviewer", content: "What do you optimise for? Tell me." },
  {
    id: "c1",
    role: "candidate",
    content: "Long-term engagement, not clicks! Traffic is 17,000 posts/s.\nLatency: 300 ms",
  },
  { id: "c2", role: "candidate", content: "Is 1.5% enough?" },
];

describe("candidateSentences", () => {
  it("splits only the candidate's messages, after . ! ? and at line breaks, keeping each verbatim", () => {
    expect(candidateSentences(turns)).toEqual([
      { key: "c1:0", messageId: "c1", text: "Long-term engagement, not clicks!" },
      { key: "c1:1", messageId: "c1", text: "Traffic is 17,000 posts/s." },
      { key: "c1:2", messageId: "c1", text: "Latency: 300 ms" },
      { key: "c2:0", messageId: "c2", text: "Is 1.5% enough?" },
    ]);
  });

  it("has nothing to offer before the candidate speaks", () => {
    expect(candidateSentences(turns.slice(0, 1))).toEqual([]);
  });
});
