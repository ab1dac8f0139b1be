/**
 * The stage-2 ranker: logistic regression on four cross features, fitted by Newton's method
 * (IRLS) on synthetic clicks drawn from the true utility.
 *
 * Why this model: it is the honest small version of a production ranker. It learns from clicks,
 * not from the utility itself, so its weights carry sampling noise; it sees features the ANN
 * stage cannot (item quality, and the user's quality weight crossed with it); and it cannot see
 * the per-pair noise. A hand-built scorer with the true formula would make the ranker look
 * perfect by construction. Newton's method on 5 weights converges in a few steps with no
 * learning rate to tune, so training is deterministic and fast.
 */

export const RANKER_FEATURES = [
  "s (user-item dot product)",
  "s^2",
  "item quality q",
  "user quality weight x q",
] as const;
const F = RANKER_FEATURES.length;

/** Raw feature values of one (user, item) pair, given the retrieval dot product s. */
export function featureRow(s: number, quality: number, qualityWeight: number): number[] {
  return [s, s * s, quality, qualityWeight * quality];
}

/** A fitted ranker: `coefficients` act on raw features (intercept first), folded from the standardised fit. */
export interface Ranker {
  coefficients: number[];
  /** Weights on standardised features (intercept first): comparable with each other. */
  standardisedWeights: number[];
  iterations: number;
}

/** The ranker's logit for one pair: higher ranks first. */
export function rankScore(ranker: Ranker, s: number, quality: number, qualityWeight: number): number {
  const c = ranker.coefficients;
  return (
    (c[0] as number) +
    (c[1] as number) * s +
    (c[2] as number) * s * s +
    (c[3] as number) * quality +
    (c[4] as number) * qualityWeight * quality
  );
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits logistic regression with a small L2 penalty (not on the intercept) on standardised
 * features. `rows` are raw feature rows, `labels` 0/1.
 */
export function trainRanker(rows: number[][], labels: number[], l2 = 1e-3, maxIterations = 50): Ranker {
  const n = rows.length;
  const mean = new Array<number>(F).fill(0);
  const sd = new Array<number>(F).fill(0);
  for (const row of rows) for (let j = 0; j < F; j++) mean[j] = (mean[j] as number) + (row[j] as number) / n;
  for (const row of rows) {
    for (let j = 0; j < F; j++) sd[j] = (sd[j] as number) + ((row[j] as number) - (mean[j] as number)) ** 2 / n;
  }
  for (let j = 0; j < F; j++) sd[j] = Math.sqrt(sd[j] as number) || 1;
  const x = rows.map((row) => [1, ...row.map((v, j) => (v - (mean[j] as number)) / (sd[j] as number))]);
  const w = new Array<number>(F + 1).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(F + 1).fill(0);
    const hessian = Array.from({ length: F + 1 }, () => new Array<number>(F + 1).fill(0));
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number[];
      let z = 0;
      for (let j = 0; j <= F; j++) z += (w[j] as number) * (xi[j] as number);
      const p = sigmoid(z);
      const residual = p - (labels[i] as number);
      const weight = Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a <= F; a++) {
        gradient[a] = (gradient[a] as number) + residual * (xi[a] as number);
        const row = hessian[a] as number[];
        for (let b = 0; b <= a; b++) row[b] = (row[b] as number) + weight * (xi[a] as number) * (xi[b] as number);
      }
    }
    for (let a = 1; a <= F; a++) {
      gradient[a] = (gradient[a] as number) + l2 * n * (w[a] as number);
      (hessian[a] as number[])[a] = ((hessian[a] as number[])[a] as number) + l2 * n;
    }
    for (let a = 0; a <= F; a++)
      for (let b = a + 1; b <= F; b++) (hessian[a] as number[])[b] = (hessian[b] as number[])[a] as number;
    const step = solve(hessian, gradient);
    let largest = 0;
    for (let j = 0; j <= F; j++) {
      w[j] = (w[j] as number) - (step[j] as number);
      largest = Math.max(largest, Math.abs(step[j] as number));
    }
    if (largest < 1e-9) {
      iterations++;
      break;
    }
  }
  const coefficients = [w[0] as number];
  for (let j = 0; j < F; j++) {
    const c = (w[j + 1] as number) / (sd[j] as number);
    coefficients.push(c);
    coefficients[0] = (coefficients[0] as number) - c * (mean[j] as number);
  }
  return { coefficients, standardisedWeights: [...w], iterations };
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
export function solve(matrix: number[][], rhs: number[]): number[] {
  const size = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i] as number]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let r = col + 1; r < size; r++) {
      if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    }
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const top = a[col] as number[];
    const p = top[col] as number;
    if (p === 0) throw new Error("The ranker's Newton system is singular.");
    for (let r = col + 1; r < size; r++) {
      const row = a[r] as number[];
      const factor = (row[col] as number) / p;
      for (let c = col; c <= size; c++) row[c] = (row[c] as number) - factor * (top[c] as number);
    }
  }
  const solution = new Array<number>(size).fill(0);
  for (let r = size - 1; r >= 0; r--) {
    const row = a[r] as number[];
    let sum = row[size] as number;
    for (let c = r + 1; c < size; c++) sum -= (row[c] as number) * (solution[c] as number);
    solution[r] = sum / (row[r] as number);
  }
  return solution;
}
