import { checkpoint } from "./timing";

/** Reference figure (docs/reference-figures.md): a C sum over 1 GiB on this machine. The JS probe reads lower. */
export const C_BANDWIDTH_GBPS = 36;

export interface BandwidthProbe {
  bytes: number;
  passes: number;
  /** Best pass, in GB/s (1e9 bytes). */
  gbps: number;
  method: string;
}

/**
 * Estimates memory read bandwidth by summing a Float64Array far larger than the caches (L3 is
 * 32 MB here) in a plain JS loop, best of a few passes. The array is written first: untouched
 * pages would all map to the kernel's zero page and read from cache. A JS loop stays below the
 * real ceiling, so this is a floor: with four accumulators it read 16-27 GB/s here (depending on
 * what else ran), against 9 GB/s for a one-accumulator Node loop and 36 GB/s from C.
 */
export async function probeBandwidth(signal: AbortSignal, megabytes = 256, passes = 5): Promise<BandwidthProbe> {
  const values = new Float64Array((megabytes * 2 ** 20) / 8);
  values.fill(1);
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let pass = 0; pass < passes; pass++) {
    await checkpoint(signal);
    const start = performance.now();
    sink += sumUnrolled(values);
    best = Math.min(best, performance.now() - start);
  }
  if (sink !== values.length * passes) throw new Error("bandwidth probe summed the wrong total");
  return {
    bytes: values.byteLength,
    passes,
    gbps: values.byteLength / (best / 1000) / 1e9,
    method: `plain JS loop summing a ${megabytes} MB Float64Array, best of ${passes} passes (an estimate, below what C/SIMD reaches)`,
  };
}

/** Four independent accumulators so the loop is bound by loads rather than one add chain. */
function sumUnrolled(values: Float64Array): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const end = values.length - (values.length % 4);
  for (let i = 0; i < end; i += 4) {
    a += values[i] as number;
    b += values[i + 1] as number;
    c += values[i + 2] as number;
    d += values[i + 3] as number;
  }
  for (let i = end; i < values.length; i++) a += values[i] as number;
  return a + b + c + d;
}
