/** The plain-JSON result of a CTR run, shared by the run, the summary and the claim check. */
import type { CalibrationBin, ClassificationMetrics } from "@/lib/metrics/classification";
import type { CtrParams } from "./params";

export type VariantId = "a" | "d" | "b" | "c" | "e" | "gbdt" | "oracle";

export interface VariantResult {
  id: VariantId;
  label: string;
  /** What this variant changes, in one sentence. */
  change: string;
  trainRows: number;
  trainMs: number;
  /** Against the test set's true labels: would the user click this ad in the top slot, every delayed click counted. */
  metrics: ClassificationMetrics;
  /** The ROC curve thinned to steps of about 0.01 in either rate, for a chart. */
  roc: Array<{ fpr: number; tpr: number }>;
  /** Equal-width reliability bins (1/CALIBRATION_BINS wide) holding at least MIN_BIN_COUNT rows. */
  calibration: CalibrationBin[];
}

export interface DataSummary {
  impressions: number;
  trainImpressions: number;
  testImpressions: number;
  cutoffDay: number;
  /** Logged clicks per training impression (position-biased, every delayed click counted). */
  trainLoggedCtr: number;
  /** The same, counting only clicks that had arrived by the cut-off. */
  trainCtrAtCutoff: number;
  /** Unbiased click rate of the test set: what the models are judged against. */
  testTrueCtr: number;
  /** Log loss of always predicting testTrueCtr: the floor of "knows nothing" and the NE denominator. */
  testBaseRateEntropy: number;
  trainPositives: number;
  trainPositivesAtCutoff: number;
  /** Share of training positives still missing at the cut-off, overall and per day before it (day 1 = the last day). */
  missingPositiveShare: number;
  missingByDay: Array<{ daysBeforeCutoff: number; impressions: number; positives: number; missingShare: number }>;
}

export interface CtrResult {
  params: CtrParams;
  data: DataSummary;
  variants: VariantResult[];
  /** True examination probability by slot next to the one implied by variant d's position weights. */
  examination: Array<{ position: number; truth: number; learned: number }>;
  gbdt: { status: "trained" | "skipped"; note: string };
  claim: ClaimAssessment | null;
  timingsMs: { simulate: number; total: number };
}

export interface ClaimAssessment {
  claimed: { logLoss?: number; ne?: number; auc?: number };
  statements: string[];
}
