import { type LabField, SEED_FIELD } from "./types";

/** The click-through-rate model form, in the order it is shown. */
export const CTR_FIELDS: LabField[] = [
  {
    path: "impressions",
    label: "Simulated impressions",
    unit: "impressions",
    help: "5,000 to 1,000,000; more is slower and less noisy.",
    kind: "number",
    group: "main",
  },
  { path: "positions", label: "Slots per page", help: "1 to 20 ad positions.", kind: "number", group: "main" },
  {
    path: "downsampleRate",
    label: "Share of non-clicks kept",
    help: "Downsampling for training, a fraction from 0.001 to 1.",
    kind: "number",
    group: "main",
  },
  {
    path: "delayShare",
    label: "Share of clicks that arrive late",
    help: "A fraction from 0 to 1.",
    kind: "number",
    group: "main",
  },
  {
    path: "meanDelayDays",
    label: "Average click delay",
    unit: "days",
    help: "For the late clicks; 0.01 to 4.",
    kind: "number",
    group: "main",
  },
  { path: "epochs", label: "Training passes", help: "1 to 20.", kind: "number", group: "advanced" },
  {
    path: "learningRate",
    label: "Learning rate",
    help: "The base step of the AdaGrad optimiser; up to 2.",
    kind: "number",
    group: "advanced",
  },
  {
    path: "l2",
    label: "L2 regularisation",
    help: "Penalty on large weights, 0 to 0.1, e.g. 1e-6.",
    kind: "number",
    group: "advanced",
  },
  SEED_FIELD,
  { path: "claim.logLoss", label: "Log loss you stated", unit: "nats", help: "", kind: "number", group: "claim" },
  {
    path: "claim.ne",
    label: "Normalised entropy you stated",
    help: "Log loss divided by the base-rate entropy.",
    kind: "number",
    group: "claim",
  },
  { path: "claim.auc", label: "AUC you stated", help: "Between 0 and 1.", kind: "number", group: "claim" },
];
