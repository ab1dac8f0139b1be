/**
 * Reads a pasted or uploaded transcript of a human mock interview into the interchange
 * format (docs/transcript-format.md), so an imported interview is scored exactly like one held in the app. Two inputs are
 * accepted: the interchange JSON itself (what exports write), and plain text with speaker prefixes
 * (what people type or copy from a call recording). Every failure is one sentence the import form
 * can show as it is, and a failure never carries a partial transcript.
 */
import type { z } from "zod";
import { type Level, type ScenarioId, STEP_IDS, STEP_TITLES, type StepId } from "@/lib/framework";
import { transcriptDiagramProblem } from "@/lib/scoring/read-transcript-diagram";
import { type Transcript, transcriptSchema } from "@/lib/scoring/schema";

export type ImportResult = { ok: true; transcript: Transcript } | { ok: false; error: string };

export interface ImportRequest {
  text: string;
  /** The scenario chosen in the form; a file for another scenario is refused rather than rescored. */
  scenarioId: ScenarioId;
  /** The level chosen in the form; used when the JSON does not carry its own. */
  level: Level;
}

/** Counted in characters: a pasted string has no byte size, and this bounds the parser's work either way. */
export const MAX_IMPORT_CHARS = 500_000;

type Role = Transcript["turns"][number]["role"];
type Issue = z.ZodError["issues"][number];

const fail = (error: string): ImportResult => ({ ok: false, error });

export function parseImportedTranscript({ text, scenarioId, level }: ImportRequest): ImportResult {
  // Counted in UTF-16 code units (an emoji is two), unlike the schemas' code points: at most 6
  // JSON bytes a unit is what lets the 3 MB body limit (lib/http/read-body.ts) always hold it.
  if (text.length > MAX_IMPORT_CHARS) {
    return fail(`The transcript can be at most ${MAX_IMPORT_CHARS.toLocaleString("en")} characters.`);
  }
  // Uploaded files may start with a byte-order mark, which JSON.parse rejects.
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return fail("The transcript is empty.");
  return body.trimStart().startsWith("{") ? fromJson(body, scenarioId, level) : fromText(body, scenarioId, level);
}

function fromJson(body: string, scenarioId: ScenarioId, level: Level): ImportResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    // V8's message names the problem and its position; keep it on one line and end it once.
    const detail = (error as Error).message.replace(/\s+/g, " ").replace(/\.$/, "");
    return fail(`The JSON is not valid: ${detail}.`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return fail("The JSON must be an object with scenarioId, level and turns.");
  }
  const file = json as Record<string, unknown>;
  if (file.scenarioId !== undefined && file.scenarioId !== scenarioId) {
    const named = typeof file.scenarioId === "string" ? file.scenarioId : JSON.stringify(file.scenarioId);
    return fail(`The file is for scenario ${named} but ${scenarioId} was chosen.`);
  }
  // An exported file knows the level it was held at; the form's choice only fills a gap.
  return validate({ ...file, scenarioId, level: file.level === undefined ? level : file.level });
}

/** `Interviewer:`, `Candidate:`, `Q:`, `A:`, and `Interviewer -` / `Candidate -` (any dash, then a space). */
const SPEAKER = /^(?:(interviewer|candidate|q|a)\s*:|(interviewer|candidate)\s*[-–—](?!\S))/i;

/**
 * Step markers. A heading or `Step:` line is meant as a marker, so an unknown name there is an
 * error; bracketed lines are also transcription notes (`[laughs]`, `[inaudible]`), so an unknown
 * name there is kept as text.
 */
const MARKERS = [
  { pattern: /^#{1,6}\s+(.+?)(?:\s+#+)?$/, strict: true },
  { pattern: /^step\s*:\s*(.+)$/i, strict: true },
  { pattern: /^\[\s*(.+?)\s*\]$/, strict: false },
];

/** Ids and titles compared without case or punctuation, so `data-preparation` and `Data preparation` both match. */
const normalize = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const STEP_BY_NAME = new Map<string, StepId>(
  STEP_IDS.flatMap((id) => [
    [normalize(id), id],
    [normalize(STEP_TITLES[id]), id],
  ]),
);

interface DraftTurn {
  role: Role;
  step: StepId | undefined;
  lines: string[];
  /** 1-based line the turn starts on, so schema problems can point at the text. */
  line: number;
}

function fromText(body: string, scenarioId: ScenarioId, level: Level): ImportResult {
  const drafts: DraftTurn[] = [];
  let step: StepId | undefined;
  let afterMarker = false;
  for (const [index, raw] of body.split(/\r\n|\r|\n/).entries()) {
    const lineNumber = index + 1;
    const line = raw.trim();
    const marker = readMarker(line);
    if (marker?.step === null) {
      return fail(
        `Line ${lineNumber} names an unknown step "${marker.name}"; use a step id such as data-preparation or a title such as Data preparation.`,
      );
    }
    if (marker) {
      step = marker.step;
      afterMarker = true;
      continue;
    }
    const speaker = SPEAKER.exec(line);
    const previous = drafts.at(-1);
    if (speaker) {
      const role: Role = /^(interviewer|q)$/i.test(speaker[1] ?? speaker[2] ?? "") ? "interviewer" : "candidate";
      drafts.push({ role, step, lines: [line.slice(speaker[0].length).trim()], line: lineNumber });
      afterMarker = false;
    } else if (line === "") {
      previous?.lines.push("");
    } else if (!previous) {
      return fail(
        `Line ${lineNumber} does not start with Interviewer: or Candidate: and there is no turn before it to continue.`,
      );
    } else if (afterMarker) {
      // Text right after a marker belongs to the new step, so it opens a turn by the same speaker.
      drafts.push({ role: previous.role, step, lines: [line], line: lineNumber });
      afterMarker = false;
    } else {
      previous.lines.push(line);
    }
  }
  const turns = drafts.map((draft) => ({
    role: draft.role,
    ...(draft.step ? { step: draft.step } : {}),
    // Blank lines stay as one paragraph break; those around a turn are dropped.
    content: draft.lines
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  }));
  return validate(
    { scenarioId, level, turns },
    drafts.map((draft) => draft.line),
  );
}

/** The step a marker line names (null when it names none), or undefined when the line is no marker. */
function readMarker(line: string): { name: string; step: StepId | null } | undefined {
  for (const { pattern, strict } of MARKERS) {
    const name = pattern.exec(line)?.[1];
    if (name === undefined) continue;
    const step = STEP_BY_NAME.get(normalize(name)) ?? null;
    if (step || strict) return { name, step };
  }
  return undefined;
}

/** Checks the result against the interchange schema and that there is something to score. */
function validate(input: Record<string, unknown>, turnLines?: number[]): ImportResult {
  const parsed = transcriptSchema.safeParse(input);
  if (!parsed.success) return fail(issueSentence(parsed.error.issues[0], input, turnLines));
  if (!parsed.data.turns.some((turn) => turn.role === "candidate" && turn.content.trim() !== "")) {
    return fail("The transcript has no candidate turn to score.");
  }
  const diagramProblem = transcriptDiagramProblem(parsed.data.diagram);
  if (diagramProblem) return fail(diagramProblem);
  return { ok: true, transcript: parsed.data };
}

/**
 * A zod issue as a sentence that names the field: by its JSON path (`turns.2.role`) for JSON, by
 * the line its turn starts on for text, where the user never saw a path.
 */
function issueSentence(issue: Issue | undefined, input: unknown, turnLines?: number[]): string {
  if (!issue) return "The transcript is not valid.";
  const { path } = issue;
  const turn = path[0] === "turns" && typeof path[1] === "number" ? path[1] : undefined;
  const subject =
    path.length === 0
      ? "The transcript"
      : turnLines && turn !== undefined
        ? `The turn starting on line ${turnLines[turn]}`
        : path.join(".");
  // The size limits on the turns list are limits on the transcript as a whole.
  const sized = path.length === 1 && path[0] === "turns" ? "The transcript" : subject;
  switch (issue.code) {
    case "too_small":
      return sized === "The transcript" ? "The transcript is empty." : `${sized} is too short: ${issue.message}.`;
    case "too_big":
      return `${sized} is too long: ${issue.message}.`;
    case "invalid_value":
      return `${subject} must be ${orList(issue.values.map(String))}.`;
    case "invalid_type": {
      if (valueAt(input, path) === undefined) return `${subject} is missing.`;
      const article = /^[aeiou]/.test(issue.expected) ? "an" : "a";
      return `${subject} must be ${article} ${issue.expected}.`;
    }
    default:
      return `${subject} is not valid: ${issue.message}.`;
  }
}

function orList(values: string[]): string {
  return values.length < 2 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
