/** How one chart axis is drawn: linear or logarithmic, over a domain taken from the data. */
export interface AxisScale {
  scale: "linear" | "log";
  domain: [number, number];
}

/** Values that span this many times from smallest to largest are drawn on a log axis. */
const LOG_SPAN = 100;

/**
 * Chooses an axis for `values`: logarithmic between powers of ten when they are all positive and
 * span two decades or more, otherwise linear around the data (from zero for bars, whose length
 * must mean something).
 */
export function axisScale(values: number[], { fromZero = false } = {}): AxisScale {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { scale: "linear", domain: [0, 1] };
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min > 0 && max / min >= LOG_SPAN) {
    return { scale: "log", domain: [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max))] };
  }
  if (fromZero) return { scale: "linear", domain: [Math.min(0, min), max > 0 ? max : 1] };
  const pad = max === min ? Math.abs(max) * 0.1 || 1 : (max - min) * 0.05;
  const low = min >= 0 && min - pad < 0 ? 0 : min - pad;
  return { scale: "linear", domain: [low, max + pad] };
}

const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/** Tick labels short enough for a phone: 1.2K, 3.4M, 0.95. */
export function formatTick(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return value.toExponential(0);
  return COMPACT.format(value);
}
