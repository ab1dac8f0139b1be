/**
 * Input the metrics cannot be computed from (mismatched lengths, a single class, a bad CSV row).
 * Its own class so that the CLI can tell bad input (exit 2) from a bug (exit 1).
 */
export class MetricInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MetricInputError";
  }
}
