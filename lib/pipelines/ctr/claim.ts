/**
 * Checks a candidate's metric claim against this run. The usual slip is quoting log loss as if
 * it had a universal scale: it depends mostly on the click rate, so it means something only
 * next to the base-rate entropy (normalized entropy = log loss / that entropy).
 */
import { baseRateEntropy } from "@/lib/metrics/classification";
import type { CtrClaim } from "./params";
import type { ClaimAssessment, DataSummary, VariantResult } from "./result";

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const f3 = (x: number) => x.toFixed(3);

export function assessClaim(
  claim: CtrClaim | undefined,
  data: DataSummary,
  variants: VariantResult[],
): ClaimAssessment | null {
  if (!claim || (claim.logLoss === undefined && claim.ne === undefined && claim.auc === undefined)) return null;
  const trained = variants.filter((v) => v.id !== "oracle");
  const oracle = variants.find((v) => v.id === "oracle");
  const best = [...trained].sort((a, b) => a.metrics.logLoss - b.metrics.logLoss)[0];
  const bestAuc = [...trained].sort((a, b) => b.metrics.rocAuc - a.metrics.rocAuc)[0];
  const h = data.testBaseRateEntropy;
  const statements: string[] = [];
  if (claim.logLoss !== undefined) {
    const ne = claim.logLoss / h;
    statements.push(
      `At this test click rate (${pct(data.testTrueCtr)}), always predicting the base rate already scores log loss ${f3(h)}; a log loss of ${claim.logLoss} is normalized entropy ${f3(ne)}, ${ne < 1 ? `${(100 * (1 - ne)).toFixed(1)}% below that base-rate log loss` : "no better than predicting the base rate"}.`,
      `The same log loss means different things at different click rates: the base-rate entropy is ${f3(baseRateEntropy(0.01))} at 1%, ${f3(baseRateEntropy(0.05))} at 5% and ${f3(baseRateEntropy(0.2))} at 20%, so quote it with the CTR or as normalized entropy.`,
    );
    if (oracle && claim.logLoss < oracle.metrics.logLoss) {
      statements.push(
        `It is below the ${f3(oracle.metrics.logLoss)} that the true click probabilities score in this simulation: at this click rate it needs features far more predictive than these.`,
      );
    }
  }
  if (claim.ne !== undefined) {
    statements.push(
      `Normalized entropy ${claim.ne} is a log loss of ${f3(claim.ne * h)} at this click rate${claim.ne >= 1 ? ": no better than predicting the base rate" : ""}.`,
    );
    if (oracle && claim.ne < oracle.metrics.normalizedEntropy) {
      statements.push(
        `It is below the ${f3(oracle.metrics.normalizedEntropy)} that the true click probabilities reach in this simulation: it needs features far more predictive than these.`,
      );
    }
  }
  if (claim.auc !== undefined && bestAuc && oracle) {
    statements.push(
      `ROC-AUC ${claim.auc} against ${f3(bestAuc.metrics.rocAuc)} for the best model here (${bestAuc.label}) and a ceiling of ${f3(oracle.metrics.rocAuc)} from the true probabilities; AUC says nothing about calibration, which is what bids and auctions consume.`,
    );
  }
  if (best) {
    statements.push(
      `Best trained model by log loss: ${best.label}, ${f3(best.metrics.logLoss)} (NE ${f3(best.metrics.normalizedEntropy)}, calibration ratio ${f3(best.metrics.calibrationRatio)}).`,
    );
  }
  return { claimed: { ...claim }, statements };
}
