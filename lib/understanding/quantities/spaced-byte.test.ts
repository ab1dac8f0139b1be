import { describe, expect, it } from "vitest";
import { findChecks } from "@/lib/interview/detect-claims";
import { parseQuantities } from "./parse-quantities";

describe("a capital B set apart from its number", () => {
  it.each([
    ["Each record is 500 B.", "bytes", 500],
    ["We have 1B users.", "count", 1e9],
    ["A 200B model is too big.", "count", 2e11],
  ])("%s", (text, kind, value) => {
    expect(parseQuantities(text).map((q) => [q.kind, q.value])).toContainEqual([kind, value]);
  });

  it("keeps the first factor of a product a plain count, so the product checks out", () => {
    // 8e9 × 250 B = 2e12 B = 2 TB a day.
    const [check] = findChecks("Every impression is 250 bytes, so 8 billion x 250 B = 2 TB a day.").arithmetic;
    expect(check).toMatchObject({ kind: "storage", verdict: "consistent" });
  });
});
