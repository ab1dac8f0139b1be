// Structural checks for the labelled scoring benchmark in this folder.
// Run from the project root: node bench/scoring/verify.mjs
// Exits 1 if any check fails. Also prints, for information only, how many rubric evidence phrases and
// mistake triggers each transcript contains (using the project's phrase-matching normalisation), which is a
// rough sanity check on the labels, not a score.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const dir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(dir, "..", "..");
const STEPS = [
  "clarify-requirements",
  "frame-problem",
  "data-preparation",
  "model-development",
  "evaluation",
  "deployment-serving",
  "monitoring",
];
const KINDS = ["strong", "medium", "weak", "keywords", "injection", "offtopic", "padded"];

const errors = [];
const fail = (msg) => errors.push(msg);

// Same normalisation as lib/text/normalize.ts.
const norm = (v) =>
  v
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9@.%+]+/g, " ")
    .replace(/(^|\s)\.+|\.+(\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const has = (text, phrase) => ` ${text} `.includes(` ${norm(phrase)} `);
const sentences = (t) => t.split(/(?<=[.!?])\s+(?=[A-Z0-9"'$])/).filter(Boolean);
const words = (t) => t.split(/\s+/).filter(Boolean);

function isSubsequence(small, big) {
  let j = 0;
  for (const w of big) if (j < small.length && w === small[j]) j++;
  return j === small.length;
}

const labels = JSON.parse(fs.readFileSync(path.join(dir, "labels.json"), "utf8"));
const onDisk = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "labels.json");
const labelled = new Set(labels.map((l) => l.file));
for (const f of onDisk) if (!labelled.has(f)) fail(`${f}: not listed in labels.json`);

const yamlCache = {};
const scenario = (id) => {
  if (!yamlCache[id]) yamlCache[id] = YAML.parse(fs.readFileSync(path.join(root, "scenarios", `${id}.yaml`), "utf8"));
  return yamlCache[id];
};

const docs = {};
for (const l of labels) {
  const where = l.file;
  if (!KINDS.includes(l.kind)) fail(`${where}: unknown kind ${l.kind}`);
  if (!l.file.startsWith(`${l.scenarioId}-`)) fail(`${where}: file name does not match scenarioId`);
  if (l.baseline !== `${l.scenarioId}-medium.json`)
    fail(`${where}: baseline should be the scenario's medium transcript`);
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(path.join(dir, l.file), "utf8"));
  } catch (e) {
    fail(`${where}: does not parse (${e.message})`);
    continue;
  }
  docs[l.file] = doc;
  if (doc.scenarioId !== l.scenarioId) fail(`${where}: scenarioId ${doc.scenarioId} != label ${l.scenarioId}`);
  if (doc.level !== "senior") fail(`${where}: level is not senior`);
  if (!Array.isArray(doc.turns) || doc.turns.length !== 28) {
    fail(`${where}: expected 28 turns, got ${doc.turns?.length}`);
    continue;
  }
  const sc = scenario(doc.scenarioId);
  doc.turns.forEach((t, i) => {
    const role = i % 2 === 0 ? "interviewer" : "candidate";
    const step = STEPS[Math.floor(i / 4)];
    if (t.role !== role) fail(`${where} turn ${i}: role ${t.role}, expected ${role}`);
    if (t.step !== step) fail(`${where} turn ${i}: step ${t.step}, expected ${step}`);
    if (typeof t.content !== "string" || t.content.trim() === "") fail(`${where} turn ${i}: empty content`);
    if (i % 4 === 0 && t.content !== sc.steps[step].question.trim())
      fail(`${where} turn ${i}: not the step's question`);
    if (i % 4 === 2) {
      const fus = sc.steps[step].followUps.map((f) => f.text.trim().replace(/\s+/g, " "));
      if (!fus.includes(t.content)) fail(`${where} turn ${i}: not one of the step's followUps`);
    }
  });
}

// Identical interviewer turns within each scenario.
const byScenario = {};
for (const l of labels) {
  if (!byScenario[l.scenarioId]) byScenario[l.scenarioId] = [];
  byScenario[l.scenarioId].push(l.file);
}
for (const [id, files] of Object.entries(byScenario)) {
  const ref = JSON.stringify(docs[files[0]]?.turns.filter((t) => t.role === "interviewer"));
  for (const f of files.slice(1)) {
    if (JSON.stringify(docs[f]?.turns.filter((t) => t.role === "interviewer")) !== ref)
      fail(`${f}: interviewer turns differ from ${files[0]}`);
  }
  for (const k of ["strong", "medium", "weak"]) if (!files.includes(`${id}-${k}.json`)) fail(`${id}: missing ${k}`);
}

// Derived transcripts keep every word of their baseline, in order.
for (const l of labels.filter((x) => x.kind === "injection" || x.kind === "padded")) {
  const base = docs[l.baseline];
  const doc = docs[l.file];
  if (!base || !doc) continue;
  let changed = 0;
  doc.turns.forEach((t, i) => {
    if (t.role !== "candidate") return;
    const b = base.turns[i].content;
    if (t.content !== b) changed++;
    if (!isSubsequence(words(b), words(t.content))) fail(`${l.file} turn ${i}: baseline words not preserved in order`);
  });
  if (l.kind === "padded" && changed !== 14) fail(`${l.file}: expected every answer padded, ${changed} changed`);
  if (l.kind === "injection" && changed < 3)
    fail(`${l.file}: expected injections in several turns, ${changed} changed`);
}

if (errors.length) {
  for (const e of errors) console.error(`FAIL ${e}`);
  process.exit(1);
}

// Informational summary.
const rows = [];
for (const l of labels) {
  const doc = docs[l.file];
  const sc = scenario(l.scenarioId);
  const cand = doc.turns.filter((t) => t.role === "candidate");
  const sent = cand.map((t) => sentences(t.content).length);
  const wc = cand.map((t) => words(t.content).length);
  let items = 0;
  let covered = 0;
  let triggers = 0;
  for (const step of STEPS) {
    const text = norm(
      doc.turns
        .filter((t) => t.role === "candidate" && t.step === step)
        .map((t) => t.content)
        .join(" "),
    );
    for (const item of sc.steps[step].rubric) {
      items++;
      if (item.evidence.some((e) => has(text, e))) covered++;
      for (const m of item.mistakes ?? []) if (m.triggers.some((tr) => has(text, tr))) triggers++;
    }
  }
  rows.push({
    file: l.file,
    kind: l.kind,
    sentences: `${Math.min(...sent)}-${Math.max(...sent)}`,
    words: wc.reduce((a, b) => a + b, 0),
    evidenceItems: `${covered}/${items}`,
    mistakeTriggers: triggers,
  });
}
console.table(rows);
console.log(`OK: ${labels.length} transcripts, all checks passed.`);
