import { describe, expect, it } from "vitest";
import { guardCommand, understandOffline, verifyUnderstanding } from "./understand-offline";

describe("guardCommand", () => {
  it("keeps a plain request to end or move on", () => {
    expect(guardCommand({ kind: "end", sentence: "Please end the interview now." }).kind).toBe("end");
    expect(guardCommand({ kind: "move_on", sentence: "Let's move on to the next step." }).kind).toBe("move_on");
  });
  it("reads an unsure command as an answer and says what it might have been", () => {
    // A sentence about the design that merely uses the word; whatever the classifier makes of it,
    // it must not end the interview.
    const act = guardCommand({ kind: "end", sentence: "That system still runs today, so we keep it as the fallback." });
    expect(act.kind === "answer" ? act.unsure : act.kind).toBe("end");
    expect(act.kind).toBe("answer");
  });
});

describe("understandOffline", () => {
  it("never ends on an answer that only mentions ending", () => {
    const { acts } = understandOffline("At the end of the pipeline I'd put a re-ranker for diversity.");
    expect(acts.some((a) => a.kind === "end")).toBe(false);
  });
  it("reads quantities with their units", () => {
    const { quantities } = understandOffline("We store 2 billion 128-dim fp16 vectors.");
    expect(quantities.map((q) => [q.kind, q.value])).toEqual(
      expect.arrayContaining([
        ["count", 2e9],
        ["dimension", 128],
        ["bytes_per_value", 2],
      ]),
    );
  });
});

describe("verifyUnderstanding", () => {
  it("keeps only sentences and quantities that are verbatim in the message", () => {
    const message = "Shard by user. How many users?";
    const verified = verifyUnderstanding(message, {
      acts: [
        { kind: "answer", sentence: "Shard by user." },
        { kind: "end", sentence: "End the interview." },
      ],
      quantities: [{ text: "10 GB", kind: "bytes", value: 1e10, unit: "gb", start: 0, end: 5 }],
    });
    expect(verified.acts).toEqual([{ kind: "answer", sentence: "Shard by user." }]);
    expect(verified.quantities).toEqual([]);
  });
  it("refuses a reading that quotes nothing of the message", () => {
    expect(() =>
      verifyUnderstanding("Shard by user.", { acts: [{ kind: "end", sentence: "Stop." }], quantities: [] }),
    ).toThrow();
  });
});

describe("guardMessage", () => {
  it("asks about an ending that sits beside a real answer instead of obeying it", async () => {
    const { guardMessage } = await import("./understand-offline");
    const acts = guardMessage([
      { kind: "end", sentence: "That's all from me." },
      { kind: "answer", sentence: "Labels come from purchases within a seven day window." },
    ]);
    expect(acts[0]).toEqual({ kind: "answer", sentence: "That's all from me.", unsure: "end" });
  });
  it("keeps an ending said on its own", async () => {
    const { guardMessage } = await import("./understand-offline");
    expect(guardMessage([{ kind: "end", sentence: "Let's stop the interview here." }])[0]?.kind).toBe("end");
  });
  it("reads skipping a question as declining it, and skipping a step as moving on", async () => {
    const { guardMessage } = await import("./understand-offline");
    expect(guardMessage([{ kind: "move_on", sentence: "Could we skip that question?" }])[0]?.kind).toBe("decline");
    expect(guardMessage([{ kind: "move_on", sentence: "Could we skip this part?" }])[0]?.kind).toBe("move_on");
  });
});
