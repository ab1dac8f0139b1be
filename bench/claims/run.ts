/**
 * `npm run bench:claims`: does the first check of each labelled sentence have the right kind and
 * verdict? Accuracy on every tuning set (`tuning*.json`, each apart and combined) and, if present,
 * on the held-out set, reported apart; the misses are printed for the tuning sets only, so the
 * held-out set never steers the code. `--tuning-only` skips the held-out set. Prints tables, then
 * one JSON line.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { formatTable } from "@/lib/cli/print-table";
import { findChecks } from "@/lib/interview/detect-claims";

interface Item {
  text: string;
  context?: string[];
  expected: { kind: string; verdict: string };
  note?: string;
}

const dir = path.join(import.meta.dirname);

/** The first check's kind and verdict: arithmetic first, then a pipeline claim, else none. */
function firstCheck(item: Item): { kind: string; verdict: string } {
  // The earlier sentences themselves, so a check sees each figure with its words and order.
  const found = findChecks(item.text, { quantities: [], sentences: item.context ?? [] });
  const arithmetic = found.arithmetic[0];
  if (arithmetic) return { kind: arithmetic.kind, verdict: arithmetic.verdict };
  const pipeline = found.pipeline[0];
  if (pipeline) return { kind: pipeline.pipeline, verdict: "pipeline" };
  return { kind: "none", verdict: "none" };
}

function score(items: Item[]) {
  const results = items.map((item) => ({ item, got: firstCheck(item) }));
  const hit = (r: (typeof results)[number]) =>
    r.got.kind === r.item.expected.kind && r.got.verdict === r.item.expected.verdict;
  const kinds = [...new Set(items.map((i) => i.expected.kind))].sort();
  const perKind = kinds.map((kind) => {
    const of = results.filter((r) => r.item.expected.kind === kind);
    return { kind, correct: of.filter(hit).length, total: of.length };
  });
  const correct = results.filter(hit).length;
  return {
    correct,
    total: items.length,
    accuracy: correct / Math.max(1, items.length),
    perKind,
    misses: results.filter((r) => !hit(r)),
  };
}

const load = (file: string): Item[] => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// Every tuning set, in name order ("tuning.json", "tuning-2.json", ...), and all of them together.
const tuningFiles = readdirSync(dir)
  .filter((f) => /^tuning.*\.json$/.test(f))
  .sort((a, b) => a.length - b.length || a.localeCompare(b));
const tuningSets = tuningFiles.map((file) => ({ name: file.replace(/\.json$/, ""), items: load(file) }));
const tunings = tuningSets.map((set) => ({ name: set.name, score: score(set.items) }));
const combined = score(tuningSets.flatMap((set) => set.items));

const heldoutPath = path.join(dir, "heldout.json");
const heldout = !process.argv.includes("--tuning-only") && existsSync(heldoutPath) ? score(load("heldout.json")) : null;

const printed: Array<[string, ReturnType<typeof score> | null]> = [
  ...tunings.map((t) => [t.name, t.score] as [string, ReturnType<typeof score>]),
  ...(tunings.length > 1 ? [["tuning (combined)", combined] as [string, ReturnType<typeof score>]] : []),
  ["held-out", heldout],
];
for (const [name, s] of printed) {
  if (!s) continue;
  console.log(`\n${name}: ${s.correct}/${s.total} = ${pct(s.accuracy)}`);
  console.log(
    formatTable(
      ["kind", "correct", "total"],
      s.perKind.map((k) => [k.kind, k.correct, k.total]),
    ),
  );
}
for (const { name, score: s } of tunings) {
  if (!s.misses.length) continue;
  console.log(`\n${name} misses:`);
  console.log(
    formatTable(
      ["text", "expected", "got"],
      s.misses.map((m) => [
        [...(m.item.context ?? []), m.item.text].join(" | "),
        `${m.item.expected.kind}/${m.item.expected.verdict}`,
        `${m.got.kind}/${m.got.verdict}`,
      ]),
      70,
    ),
  );
}
const summary = (s: ReturnType<typeof score>) => ({
  correct: s.correct,
  total: s.total,
  accuracy: Number(s.accuracy.toFixed(4)),
  perKind: s.perKind,
});
console.log(
  JSON.stringify({
    tuning: Object.fromEntries(tunings.map((t) => [t.name, summary(t.score)])),
    combined: summary(combined),
    heldout: heldout ? summary(heldout) : null,
  }),
);
