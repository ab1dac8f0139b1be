/** Thrown instead of calling the model while the breaker is open. */
export class CircuitOpenError extends Error {
  constructor(readonly retryAt: number) {
    super("The language model is unavailable; using the offline interviewer for now.");
    this.name = "CircuitOpenError";
  }
}

/**
 * Stops calling a failing model: after `threshold` failures in a row it opens for `cooldownMs`,
 * during which calls fail at once; then one trial call decides whether it closes again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    private readonly threshold = 3,
    private readonly cooldownMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  get state(): "closed" | "open" | "half-open" {
    if (this.failures < this.threshold) return "closed";
    return this.now() < this.openUntil ? "open" : "half-open";
  }

  /** Opens at once for at least `ms` (a server asked the client to stay away that long). */
  openFor(ms: number): void {
    this.failures = Math.max(this.failures, this.threshold);
    this.openUntil = Math.max(this.openUntil, this.now() + ms);
  }

  /** Runs one logical call: whatever it throws (an HTTP error, unusable output) counts as a failure. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.state === "open") throw new CircuitOpenError(this.openUntil);
    try {
      const result = await call();
      this.failures = 0;
      return result;
    } catch (error) {
      this.failures++;
      if (this.failures >= this.threshold) this.openUntil = Math.max(this.openUntil, this.now() + this.cooldownMs);
      throw error;
    }
  }
}
