import { describe, expect, it } from "vitest";
import { findChecks } from "@/lib/interview/detect-claims";
import { parseQuantities } from "../quantities/parse-quantities";
import type { ContextQuantity } from "./types";

/** The first arithmetic check of `claim`, with `earlier` as the sentences said before it. */
const first = (earlier: string[], claim: string) => {
  const check = findChecks(claim, { quantities: [], sentences: earlier }).arithmetic[0];
  return check ? `${check.kind}/${check.verdict}` : "none";
};

// Values worked by hand; the figure the wrong input would give is noted where it matters.
const CASES: Array<[string, string[], string, string]> = [
  [
    "the count whose noun the claim and the dimension sentence name (listings, not reviews)",
    ["We host 40 million listings and 900 million reviews.", "Every listing gets a 128-dim float32 vector."],
    "So the listing vectors take about 20 GB.",
    "memory/consistent", // 40e6 × 128 × 4 = 20.48 GB (reviews: 460.8 GB)
  ],
  [
    "the same claim, wrong by the review count",
    ["We host 40 million listings and 900 million reviews.", "Every listing gets a 128-dim float32 vector."],
    "So the listing vectors take about 460 GB.",
    "memory/too_high",
  ],
  [
    "a corrected dimension replaces the first one",
    ["We have 2 billion vectors.", "I said 512 dims, but actually make that 128 dims.", "Stored as fp16."],
    "So about 512 GB of vectors.",
    "memory/consistent", // 2e9 × 128 × 2 = 512 GB (512 dims: 2.05 TB)
  ],
  [
    "a count said of each multiplies the one before (passages of manuals)",
    [
      "There are 5 million manuals, and we cut each into about 40 passages.",
      "Every passage is embedded at 384 dimensions in int8.",
    ],
    "That's roughly 77 GB.",
    "memory/consistent", // 5e6 × 40 × 384 × 1 = 76.8 GB (manuals alone: 1.92 GB)
  ],
  [
    "retention, record size and copies all from earlier sentences",
    ["We write 40 million orders a day.", "An order record is 5 KB.", "We keep 60 days and replicate twice."],
    "So around 24 TB.",
    "storage/consistent", // 4e7 × 5e3 = 200 GB a day × 60 = 12 TB × 2 = 24 TB
  ],
  [
    "retention and copies but no record count: cannot be checked",
    ["We keep 3 replicas.", "Retention is 2 years."],
    "So the audit log needs about 50 TB.",
    "storage/cannot_check",
  ],
  [
    "a later replica count overrides the earlier one",
    [
      "Peak is 9,000 QPS.",
      "One scoring node handles 300 QPS.",
      "2 replicas at first, but actually let's go with 4 replicas.",
    ],
    "So 120 nodes.",
    "servers/consistent", // 9,000 / 300 = 30 × 4 = 120 (2 replicas: 60)
  ],
  [
    "an average with a peak factor is sized at the peak",
    ["Average load is 4,000 QPS with a peak factor of 3.", "Each API host does 400 QPS."],
    "So 10 hosts.",
    "servers/too_low", // 4,000 × 3 / 400 = 30; 10 is sized for the average
  ],
  [
    "the daily population the per-user rate is said of, not the monthly one",
    ["Monthly viewers are 900 million; daily viewers are 150 million.", "Each daily viewer opens 6 videos a day."],
    "That's about 10k QPS on average.",
    "qps/consistent", // 1.5e8 × 6 / 86,400 = 10,417 (monthly: 62,500)
  ],
  [
    "the load whose words match the claim (checkout, not browse)",
    ["Browse peaks at 90k QPS, and checkout at 6k QPS.", "A checkout server handles 500 QPS."],
    "So checkout needs about 12 servers.",
    "servers/consistent", // 6,000 / 500 = 12 (browse: 180)
  ],
];

describe("earlier sentences as structured context", () => {
  it.each(CASES)("%s", (_name, earlier, claim, expected) => {
    expect(first(earlier, claim)).toBe(expected);
  });

  it("reads ledger quantities that carry their sentence and turn like the sentences themselves", () => {
    const earlier = [
      "We host 40 million listings and 900 million reviews.",
      "Every listing gets a 128-dim float32 vector.",
    ];
    const quantities: ContextQuantity[] = earlier.flatMap((sentence, turn) =>
      parseQuantities(sentence).map((q) => ({ ...q, sentence, order: turn })),
    );
    const check = findChecks("So the listing vectors take about 460 GB.", { quantities }).arithmetic[0];
    expect(check?.verdict).toBe("too_high");
  });

  it("keeps the old flat list working: the most recent match wins when nothing else tells them apart", () => {
    const quantities = [...parseQuantities("We have 10 million songs."), ...parseQuantities("Embeddings are 256-dim.")];
    const check = findChecks("So the index is about 10 GB.", { quantities }).arithmetic[0];
    expect(check?.kind).toBe("memory"); // 1e7 × 256 × 4 = 10.24 GB
    expect(check?.verdict).toBe("consistent");
  });
});
