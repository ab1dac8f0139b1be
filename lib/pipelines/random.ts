/**
 * Seeded pseudo-random numbers shared by the reference pipelines, so that a run is repeatable
 * for a given `seed` parameter (Math.random cannot be seeded).
 */

/** mulberry32: a small, fast 32-bit generator; plenty for simulations, not for cryptography. Returns [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box-Muller from a uniform generator. */
export function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Shuffles `values` in place (Fisher-Yates) with the given generator, and returns it. */
export function shuffleInPlace<T>(values: T[], random: () => number): T[] {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = values[i] as T;
    values[i] = values[j] as T;
    values[j] = a;
  }
  return values;
}
