import { describe, expect, it } from "vitest";
import { checkArithmeticClaims } from "./check-arithmetic";

/** The first check of a sentence, with earlier sentences as the ledger. */
const first = (sentence: string, earlier: string[] = []) =>
  checkArithmeticClaims(sentence, { quantities: [], sentences: earlier })[0];

describe("a product said aloud is the inputs; the figure it comes to is the claim", () => {
  it.each([
    // [sentence, verdict, claimed bytes, expected raw bytes]
    // 6e9 × 256 × 4 B = 6.144e12 B, within tolerance of 6.1 TB.
    ["So 6 billion times 256 times 4 bytes is about 6.1 TB.", "consistent", 6.1e12, 6.144e12],
    ["So 6 billion × 256 × 4 B ≈ 6.1 TB.", "consistent", 6.1e12, 6.144e12],
    ["6B*256*4 = 6.1 TB of memory.", "consistent", 6.1e12, 6.144e12],
    // 2e8 × 768 × 2 B = 3.072e11 B.
    ["200 million times 768 times 2 bytes is about 300 GB.", "consistent", 300e9, 3.072e11],
    // 1e8 × 512 × 4 B = 2.048e11 B, about 10× the 20 GB claimed.
    ["100 million x 512 x 4 bytes per float comes to roughly 20 GB.", "too_low", 20e9, 2.048e11],
  ])("%s → %s", (sentence, verdict, claimed, expected) => {
    expect(first(sentence)).toMatchObject({ kind: "memory", verdict, claimed: { value: claimed }, expected });
  });

  it("never takes the bytes a value for the claimed total", () => {
    const check = first("So 6 billion times 256 times 4 bytes is about 6.1 TB, so I'd shard across 48 machines.");
    expect(check?.claimed?.text).not.toBe("4 bytes");
  });
});

describe("machines said with each one's memory are judged as capacity", () => {
  it.each([
    // [sentence, verdict, claimed machines, expected machines]: 6.144e12 B / 128e9 B = 48 exactly.
    [
      "So 6 billion times 256 times 4 bytes is about 6.1 TB, so I'd shard across 48 machines with 128 GB each.",
      "consistent",
      6.1e12,
      6.144e12,
    ],
    [
      "So 6 billion times 256 times 4 bytes is about 6.1 TB, so I'd shard across 12 machines with 128 GB each.",
      "too_low",
      12,
      48,
    ],
  ])("%s → %s", (sentence, verdict, claimed, expected) => {
    expect(first(sentence)).toMatchObject({ kind: "memory", verdict, claimed: { value: claimed }, expected });
  });

  const earlier = ["6 billion 256-dim float32 vectors is about 6 TB of raw memory."];
  it.each([
    // "128 GB boxes": one box's memory; 6.144e12 / 128e9 = 48.
    ["So with 128 GB boxes that's roughly 48 machines just for raw vectors.", "consistent", 48],
    ["So with 128 GB boxes that's roughly 10 machines.", "too_low", 10],
  ])("%s → %s", (sentence, verdict, claimed) => {
    expect(first(sentence, earlier)).toMatchObject({
      kind: "memory",
      verdict,
      claimed: { value: claimed },
      expected: 48,
    });
  });
});

describe("a single box of a stated size is judged against that size", () => {
  it.each([
    // [sentence, verdict, expected bytes, factor]: 6e9 × 256 × 4 = 6.144e12 B is 48× 128 GB.
    ["We can fit all 6 billion 256-d float32 vectors on a single 128 GB box.", "too_low", 6.144e12, 48],
    // 1e8 × 256 × 4 = 1.024e11 B fits in 128 GB with 1.25× to spare.
    ["We can fit all 100 million 256-d float32 vectors on a single 128 GB box.", "consistent", 1.024e11, 1.25],
  ])("%s → %s", (sentence, verdict, expected, factor) => {
    const check = first(sentence);
    expect(check).toMatchObject({ kind: "memory", verdict, expected, claimed: { value: 128e9 } });
    expect(check?.factor).toBeCloseTo(factor, 9);
  });
});

describe("other readings from the same session", () => {
  it.each([
    // PQ codes: 6e9 × 32 B = 1.92e11 B, an index held in memory.
    ["With PQ at 32 bytes per vector, 6 billion vectors is 192 GB, so two boxes.", "memory", "consistent", 1.92e11],
    ["With PQ at 32 bytes per vector, 6 billion vectors is 1 TB.", "memory", "too_high", 1.92e11],
    // One GPU's share of a peak load: 17,000 / 1,000 = 17.
    ["At 17,000 peak posts per second and 1,000 per GPU we need 17 GPUs.", "servers", "consistent", 17],
    ["At 17,000 peak posts per second and 1,000 per GPU we need 5 GPUs.", "servers", "too_low", 17],
    // Embeddings written a day: 4e8 × 128 × 4 B = 2.048e11 B.
    [
      "Each post embedding is 128 dims float32, 400 million posts a day, so 200 GB a day.",
      "storage",
      "consistent",
      2.048e11,
    ],
    [
      "Each post embedding is 128 dims float32, 400 million posts a day, so 2 TB a day.",
      "storage",
      "too_high",
      2.048e11,
    ],
  ])("%s → %s %s", (sentence, kind, verdict, expected) => {
    expect(first(sentence)).toMatchObject({ kind, verdict, expected });
  });
});
