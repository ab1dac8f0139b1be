import type { StepId } from "@/lib/framework";

/**
 * What a simulated candidate of `npm run bench:load` says: varied answers for the step the
 * interview is at, a third of them with a numeric claim (some arithmetic right, some wrong, so
 * the check pipeline runs on both), the odd question for the interviewer, and a move to the next
 * step after a few answers. Drawn from a seeded generator, so runs are comparable; this is load,
 * not an evaluation set: the wording only has to be plausible and varied.
 */
const ANSWERS: Record<StepId, string[]> = {
  "clarify-requirements": [
    "Before anything else I want to pin down the business goal and which surface this runs on.",
    "Who are the users here, and is this global or one market to start with?",
    "I'd assume we optimise for long-term engagement, with satisfaction as a guardrail.",
    "Are there constraints on latency or on the freshness of what we show?",
  ],
  "frame-problem": [
    "I'd frame it as ranking: predict the probability of a meaningful engagement for each candidate.",
    "The ML objective is a pointwise classifier whose scores we sort; later maybe a listwise loss.",
    "Input is the user, the context and a candidate item; output is a relevance score.",
    "A multi-stage system: cheap retrieval over the catalogue, then a heavier ranker on the shortlist.",
  ],
  "data-preparation": [
    "Training data comes from impression logs joined with clicks and dwell time.",
    "I'd treat skips under a few seconds as negatives and sample negatives from impressions, not at random.",
    "Features: user history embeddings, item metadata, context like device and time of day.",
    "We must avoid leakage, so features are computed as of the impression time from the feature store.",
  ],
  "model-development": [
    "A two-tower model for retrieval, trained with in-batch negatives, served from an ANN index.",
    "The ranker would be a multi-task DNN predicting click, watch time and dislike.",
    "As a baseline I'd start with gradient-boosted trees on hand-made features.",
    "I'd calibrate the ranker's outputs so the blend of tasks stays stable across retrains.",
  ],
  evaluation: [
    "Offline I'd use recall at k for retrieval and NDCG for the ranker, on a time-based split.",
    "Online, an A/B test on time spent and retention, with guardrails on reports and hides.",
    "I'd slice metrics by new versus returning users to catch cold-start regressions.",
    "Calibration and log loss matter too if downstream systems use the probabilities.",
  ],
  "deployment-serving": [
    "Item embeddings are precomputed nightly and loaded into the ANN index; users are embedded online.",
    "Features come from an online store with a cache in front of it, and the ranker runs on CPUs.",
    "We would roll out behind a flag with shadow traffic first, then a canary.",
    "If the ranker times out we fall back to the retrieval order so the page still renders.",
  ],
  monitoring: [
    "I'd monitor feature drift and the prediction distribution, with alerts on sudden shifts.",
    "Online metrics per slice on a dashboard, and retraining weekly or when drift crosses a threshold.",
    "Latency and error rates per stage, and the share of requests that hit the fallback.",
    "Label delays mean we watch proxy metrics first and the real ones a day later.",
  ],
};

const QUESTIONS = [
  "What latency budget do we have for the whole request?",
  "How large is the catalogue, and how fast does it grow?",
  "How many daily active users should I plan for?",
  "Is there a constraint on training cost?",
];

/** A numeric claim: a rate from users and actions a day, right or off by a factor. */
function rateClaim(random: () => number): string {
  const users = [50, 100, 200, 500, 800][Math.floor(random() * 5)] as number;
  const perDay = [2, 5, 10, 20][Math.floor(random() * 4)] as number;
  const perSecond = (users * 1e6 * perDay) / 86_400;
  const factor = random() < 0.5 ? 1 : [0.1, 3, 10][Math.floor(random() * 3)];
  const stated = Math.round((perSecond * (factor as number)) / 100) * 100;
  return `${users} million users x ${perDay} sessions a day is about ${stated.toLocaleString("en-US")} requests per second.`;
}

/** A numeric claim about storage or a funnel, with numbers drawn at random. */
function sizeClaim(random: () => number): string {
  const kind = Math.floor(random() * 3);
  if (kind === 0) {
    const items = [10, 50, 100, 500][Math.floor(random() * 4)] as number;
    const dim = [64, 128, 256][Math.floor(random() * 3)] as number;
    const gb = Math.round((items * 1e6 * dim * 4) / 1e9);
    return `${items} million items with ${dim}-dim float embeddings is about ${gb} GB for the index.`;
  }
  if (kind === 1) {
    const retrieved = [500, 1000, 2000][Math.floor(random() * 3)] as number;
    const ranked = [50, 100, 200][Math.floor(random() * 3)] as number;
    return `Retrieval returns ${retrieved} candidates, the ranker scores them and we keep the top ${ranked}, all within 100 ms.`;
  }
  const ctr = (1 + Math.floor(random() * 5)) / 100;
  const impressions = [1, 5, 10][Math.floor(random() * 3)] as number;
  return `With a ${Math.round(ctr * 100)}% click-through rate on ${impressions} billion impressions a day we get ${Math.round(ctr * impressions * 1000)} million positives daily.`;
}

export interface NextMessage {
  content: string;
  /** Whether the message carries a numeric claim. */
  numeric: boolean;
}

/**
 * One candidate's messages for one interview: a few answers per step (a third with numbers, the
 * odd question), then "next" ("end interview" at the last step). `step` is where the interview is now, as its last view said.
 */
export function createMessageSource(random: () => number) {
  let answeredInStep = 0;
  let stepAnswers = 3 + Math.floor(random() * 4);
  let lastStep: StepId | null = null;
  return (step: StepId): NextMessage => {
    if (step !== lastStep) {
      lastStep = step;
      answeredInStep = 0;
      stepAnswers = 3 + Math.floor(random() * 4);
    }
    if (answeredInStep >= stepAnswers) {
      answeredInStep = 0;
      // The last step ends the interview the way the End interview button's message does.
      return { content: step === "monitoring" ? "end interview" : "next", numeric: false };
    }
    answeredInStep += 1;
    const roll = random();
    if (roll < 1 / 3) return { content: random() < 0.5 ? rateClaim(random) : sizeClaim(random), numeric: true };
    if (roll < 0.43) return { content: QUESTIONS[Math.floor(random() * QUESTIONS.length)] as string, numeric: false };
    const answers = ANSWERS[step];
    return { content: answers[Math.floor(random() * answers.length)] as string, numeric: false };
  };
}
