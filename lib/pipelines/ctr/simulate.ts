/**
 * Synthetic ad impression logs with the two label problems a CTR model meets in production:
 * position bias (an ad lower on the page is seen less often, so its clicks under-state how
 * relevant it is) and delayed clicks (some clicks arrive hours after the impression, so the
 * newest impressions at a training cut-off still look like negatives).
 */
import { mulberry32, normal } from "@/lib/pipelines/random";

/**
 * Cardinalities sized to the default 160,000 training rows: 300 segment x category cells get
 * about 500 rows each, enough for the cross to be learned. Far more cells and the model misses
 * relevance the ranker saw, and position-as-a-feature credits that relevance to position.
 */
export const SEGMENTS = 20;
export const CATEGORIES = 15;
export const DEVICES = 3;
export const HOURS = 24;
/** Days of log; the last TEST_DAYS are the test set, so the training cut-off is at SPAN_DAYS - TEST_DAYS. */
export const SPAN_DAYS = 10;
export const TEST_DAYS = 2;
/** Examination probability at position k is k^-EXAMINATION_DECAY (1 at the top slot). */
export const EXAMINATION_DECAY = 0.7;
/** The logging ranker orders a page by the true logit plus this much Gaussian noise: better ads sit higher, with overlap. */
export const LOGGING_NOISE = 1.5;
/** Intercept of the true logit: with the other effects, a click rate of about 4% for an examined ad. */
const TRUE_BIAS = -3.3;
/** Share of traffic per device (mobile, desktop, tablet). */
const DEVICE_SHARES = [0.6, 0.33, 0.07];

export interface SimulationOptions {
  impressions: number;
  positions: number;
  delayShare: number;
  meanDelayDays: number;
  seed: number;
}

/** The generator's ground truth: logit contributions per feature value. */
export interface TrueModel {
  bias: number;
  segment: Float64Array;
  category: Float64Array;
  device: Float64Array;
  hour: Float64Array;
  /** Segment x category interaction, index segment * CATEGORIES + category. */
  cross: Float64Array;
}

/** Column-wise log: one entry per impression, in time order (page views of `positions` ads each). */
export interface ImpressionLog {
  n: number;
  positions: number;
  segment: Uint8Array;
  category: Uint8Array;
  device: Uint8Array;
  hour: Uint8Array;
  /** 1 = top slot. */
  position: Uint8Array;
  /** Days since the start of the log. */
  time: Float64Array;
  /** The true probability that the user clicks the ad if they examine it. */
  pTrue: Float64Array;
  /** Would click if examined: the unbiased label, the click the ad would get in the top slot. */
  relevant: Uint8Array;
  /** The logged click: examined and relevant. */
  click: Uint8Array;
  /** When a logged click reaches the training data (days); Infinity without a click. */
  clickArrival: Float64Array;
  truth: TrueModel;
}

export const examinationProbability = (position: number) => position ** -EXAMINATION_DECAY;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function drawTrueModel(random: () => number): TrueModel {
  const draw = (size: number, scale: number) => Float64Array.from({ length: size }, () => scale * normal(random));
  const hour = Float64Array.from({ length: HOURS }, (_, h) => 0.3 * Math.sin((2 * Math.PI * (h - 9)) / HOURS));
  return {
    bias: TRUE_BIAS,
    segment: draw(SEGMENTS, 0.5),
    category: draw(CATEGORIES, 0.5),
    device: Float64Array.from([0, -0.25, 0.15]),
    hour,
    cross: draw(SEGMENTS * CATEGORIES, 0.6),
  };
}

export function trueLogit(m: TrueModel, segment: number, category: number, device: number, hour: number): number {
  return (
    m.bias +
    (m.segment[segment] as number) +
    (m.category[category] as number) +
    (m.device[device] as number) +
    (m.hour[hour] as number) +
    (m.cross[segment * CATEGORIES + category] as number)
  );
}

function drawDevice(u: number): number {
  let cumulative = 0;
  for (let d = 0; d < DEVICE_SHARES.length; d++) {
    cumulative += DEVICE_SHARES[d] as number;
    if (u < cumulative) return d;
  }
  return DEVICES - 1;
}

/**
 * Simulates `floor(impressions / positions)` page views. Each shows `positions` ads ranked by a
 * noisy version of their true relevance, so position and relevance are correlated, as they are
 * under any real ranker. Delays are exponential with mean `meanDelayDays` for a `delayShare` of clicks.
 */
export async function simulateImpressions(
  options: SimulationOptions,
  checkpoint: (impressionsDone: number) => Promise<void> = async () => {},
): Promise<ImpressionLog> {
  const random = mulberry32(options.seed);
  const truth = drawTrueModel(mulberry32(options.seed ^ 0x5eed));
  const positions = options.positions;
  const pages = Math.floor(options.impressions / positions);
  const n = pages * positions;
  const log: ImpressionLog = {
    n,
    positions,
    segment: new Uint8Array(n),
    category: new Uint8Array(n),
    device: new Uint8Array(n),
    hour: new Uint8Array(n),
    position: new Uint8Array(n),
    time: new Float64Array(n),
    pTrue: new Float64Array(n),
    relevant: new Uint8Array(n),
    click: new Uint8Array(n),
    clickArrival: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    truth,
  };
  const slate = Array.from({ length: positions }, () => ({ category: 0, logit: 0, rank: 0 }));
  const chunk = Math.max(1, Math.ceil(pages / 40));
  for (let page = 0; page < pages; page++) {
    if (page > 0 && page % chunk === 0) await checkpoint(chunk * positions);
    const time = ((page + random()) / pages) * SPAN_DAYS;
    const hour = Math.floor((time % 1) * HOURS);
    const segment = Math.floor(random() * SEGMENTS);
    const device = drawDevice(random());
    for (const ad of slate) {
      ad.category = Math.floor(random() * CATEGORIES);
      ad.logit = trueLogit(truth, segment, ad.category, device, hour);
      ad.rank = ad.logit + LOGGING_NOISE * normal(random);
    }
    const ordered = [...slate].sort((a, b) => b.rank - a.rank);
    ordered.forEach((ad, slot) => {
      const i = page * positions + slot;
      const p = sigmoid(ad.logit);
      const relevant = random() < p ? 1 : 0;
      const examined = random() < examinationProbability(slot + 1) ? 1 : 0;
      const delayed = random() < options.delayShare;
      const delay = delayed ? -options.meanDelayDays * Math.log(1 - random()) : 0;
      log.segment[i] = segment;
      log.category[i] = ad.category;
      log.device[i] = device;
      log.hour[i] = hour;
      log.position[i] = slot + 1;
      log.time[i] = time;
      log.pTrue[i] = p;
      log.relevant[i] = relevant;
      log.click[i] = relevant & examined;
      if (relevant & examined) log.clickArrival[i] = time + delay;
    });
  }
  return log;
}

/** Rows before the cut-off train, the rest test: later in time, never shuffled across the boundary. */
export function splitByTime(log: ImpressionLog): { train: Uint32Array; test: Uint32Array; cutoff: number } {
  const cutoff = SPAN_DAYS - TEST_DAYS;
  let boundary = 0;
  while (boundary < log.n && (log.time[boundary] as number) < cutoff) boundary++;
  const train = Uint32Array.from({ length: boundary }, (_, i) => i);
  const test = Uint32Array.from({ length: log.n - boundary }, (_, i) => boundary + i);
  return { train, test, cutoff };
}
