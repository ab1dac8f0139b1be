import { describe, expect, it } from "vitest";
import { extractQuantities } from "./extract-numbers";

describe("extractQuantities", () => {
  it("finds quantities with units and large bare numbers, not names like recall@10", () => {
    expect(
      extractQuantities("The index is 60 GB, p99 of 10 ms, 500 million users and 1,200 QPS; recall@10 is fine."),
    ).toEqual(["60 GB", "10 ms", "500 million", "1,200 QPS"]);
    expect(extractQuantities("We need 2 options and 3 towers, but 2048 candidates.")).toEqual(["2048 candidates"]);
  });
});
