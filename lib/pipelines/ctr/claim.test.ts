import { describe, expect, it } from "vitest";
import { baseRateEntropy } from "@/lib/metrics/classification";
import { assessClaim } from "./claim";
import type { DataSummary, VariantResult } from "./result";

const data = { testTrueCtr: 0.05, testBaseRateEntropy: baseRateEntropy(0.05) } as DataSummary;
const variant = (id: VariantResult["id"], logLoss: number, rocAuc: number): VariantResult => ({
  id,
  label: id,
  change: "",
  trainRows: 0,
  trainMs: 0,
  roc: [],
  calibration: [],
  metrics: {
    rocAuc,
    averagePrecision: 0,
    logLoss,
    normalizedEntropy: logLoss / data.testBaseRateEntropy,
    calibrationRatio: 1,
    n: 1,
    positives: 1,
  },
});
const variants = [variant("d", 0.18, 0.72), variant("oracle", 0.17, 0.75)];

describe("assessClaim", () => {
  it("puts a quoted log loss next to the base-rate entropy (H(0.05) = 0.1985 nats by hand)", () => {
    expect(data.testBaseRateEntropy).toBeCloseTo(0.198515, 5);
    const assessment = assessClaim({ logLoss: 0.1 }, data, variants);
    const text = assessment?.statements.join(" ") ?? "";
    // 0.1 / 0.198515 = 0.504
    expect(text).toContain("normalized entropy 0.504");
    expect(text).toContain("0.199");
    expect(text).toContain("below the 0.170");
    expect(text).toContain("49.6% below"); // 1 - 0.504
  });

  it("turns a normalized entropy into the log loss it means here, and an AUC into best and ceiling", () => {
    const text = assessClaim({ ne: 0.9, auc: 0.8 }, data, variants)?.statements.join(" ") ?? "";
    expect(text).toContain("log loss of 0.179"); // 0.9 x 0.1985
    expect(text).toContain("0.720");
    expect(text).toContain("ceiling of 0.750");
  });

  it("returns null without a claim", () => {
    expect(assessClaim(undefined, data, variants)).toBeNull();
    expect(assessClaim({}, data, variants)).toBeNull();
  });
});
