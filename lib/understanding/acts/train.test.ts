import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import committed from "./act-model.json";
import { classifyWith } from "./classify-sentence";
import { DEFAULT_TRAIN_OPTIONS, serializeActModel, TRAINING_FILES, type TrainingExample, trainActModel } from "./train";

const byAuthor = TRAINING_FILES.map(
  (file) => JSON.parse(readFileSync(path.join(import.meta.dirname, file), "utf8")) as TrainingExample[],
);
const training = byAuthor.flat();

describe("trainActModel", () => {
  it("learns a tiny separable set perfectly", () => {
    const toy: TrainingExample[] = [
      { text: "hint please", act: "help" },
      { text: "a hint would help", act: "help" },
      { text: "give me a hint", act: "help" },
      { text: "end the interview", act: "end" },
      { text: "please end the interview", act: "end" },
      { text: "end it now", act: "end" },
      { text: "shard the index by user", act: "answer" },
      { text: "the index is sharded by region", act: "answer" },
      { text: "shard by user id", act: "answer" },
    ];
    const model = trainActModel(toy, { ...DEFAULT_TRAIN_OPTIONS, minCount: 1 });
    for (const example of toy) expect(classifyWith(model, example.text).kind).toBe(example.act);
  });

  it("is deterministic, and the committed act-model.json equals a fresh training", () => {
    const first = trainActModel(training);
    const second = trainActModel(training);
    expect(serializeActModel(second)).toBe(serializeActModel(first));
    // Compared as data, so formatting cannot hide drift: run `npm run understanding:train` after edits.
    expect(first).toEqual(committed);
  });

  it("every author's training set has at least 40 sentences of every act", () => {
    expect(byAuthor).toHaveLength(2);
    for (const examples of byAuthor) {
      const counts = new Map<string, number>();
      for (const example of examples) counts.set(example.act, (counts.get(example.act) ?? 0) + 1);
      expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(40);
      expect(counts.size).toBe(9);
    }
  });
});
