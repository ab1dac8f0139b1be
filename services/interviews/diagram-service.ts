import type { Database } from "@/db/client";
import { getDiagramRow, saveDiagramRow } from "@/db/queries/diagrams";
import { getInterviewById } from "@/db/queries/interviews";
import type { Interview, InterviewDiagramRow } from "@/db/schema";
import { type ExcalidrawScene, parseScene } from "@/lib/diagram/excalidraw/scene";
import { sceneToDiagram } from "@/lib/diagram/excalidraw/to-text";
import { DiagramParseError, type DiagramText, MAX_DIAGRAM_BYTES, MAX_DIAGRAM_ELEMENTS } from "@/lib/diagram/types";
import { AppError } from "@/lib/errors";

/** The candidate's diagram of one interview as last saved (issue 16). */
export interface StoredDiagram {
  scene: ExcalidrawScene;
  /** 1 for the first save, one more for each save after. */
  revision: number;
  /** ISO 8601. */
  updatedAt: string;
}

/**
 * The appState keys kept: how the canvas looks, nothing about the session (selection, zoom,
 * scroll, open menus, collaborators), so a stored scene stays small and reveals nothing else.
 */
const KEPT_APP_STATE = ["viewBackgroundColor", "gridSize"] as const;

/** The same 404 as interview-service's: someone else's interview answers exactly like a missing one. */
async function requireOwnInterview(database: Database, interviewId: string, userId: string): Promise<Interview> {
  const interview = await getInterviewById({ db: database.db, id: interviewId });
  if (!interview || interview.userId !== userId) {
    throw new AppError("not_found:interview", "This interview does not exist.");
  }
  return interview;
}

function toStored(row: InterviewDiagramRow): StoredDiagram {
  return { scene: row.scene, revision: row.revision, updatedAt: row.updatedAt.toISOString() };
}

/**
 * The scene as sent, read by the diagram reader's own rules, so what is stored is exactly what
 * the interviewer can read. Its refusal sentence is kept; over the size limits it is a 413.
 */
function readSentScene(scene: unknown): ExcalidrawScene {
  // The limit counts the scene's compact JSON, whatever whitespace the request body carried.
  const text = JSON.stringify(scene) ?? "null";
  try {
    return parseScene(text);
  } catch (error) {
    if (!(error instanceof DiagramParseError)) throw error;
    const elements = (scene as { elements?: unknown } | null)?.elements ?? scene;
    const tooLarge =
      Buffer.byteLength(text, "utf8") > MAX_DIAGRAM_BYTES ||
      (Array.isArray(elements) && elements.length > MAX_DIAGRAM_ELEMENTS);
    throw new AppError(tooLarge ? "too_large:diagram" : "bad_request:diagram", error.message);
  }
}

/**
 * What is stored of a scene: its elements without the deleted ones (the canvas keeps those only
 * for undo), and a few appState keys. `files` is dropped: images are not supported on the
 * interview canvas, and their data URLs would make every save megabytes.
 */
function toStoredScene(scene: ExcalidrawScene): ExcalidrawScene {
  const appState: Record<string, unknown> = {};
  for (const key of KEPT_APP_STATE) {
    if (scene.appState && scene.appState[key] !== undefined) appState[key] = scene.appState[key];
  }
  return {
    type: "excalidraw",
    elements: scene.elements.filter((element) => !element.isDeleted),
    ...(Object.keys(appState).length > 0 ? { appState } : {}),
  };
}

/** Owner-checked like getInterviewView: throws the same 404 AppError for a missing or foreign interview. */
export async function getDiagram(
  database: Database,
  interviewId: string,
  options: { userId: string },
): Promise<StoredDiagram | null> {
  await requireOwnInterview(database, interviewId, options.userId);
  return loadDiagram(database, interviewId);
}

/** No owner check: for the interviewer graph, exports, shared pages that already checked access. */
export async function loadDiagram(database: Database, interviewId: string): Promise<StoredDiagram | null> {
  const row = await getDiagramRow({ db: database.db, interviewId });
  return row ? toStored(row) : null;
}

/** The text form (sceneToDiagram) of the stored scene, or null when none is stored or it has no live elements. */
export async function loadDiagramText(database: Database, interviewId: string): Promise<DiagramText | null> {
  const stored = await loadDiagram(database, interviewId);
  if (!stored?.scene.elements.some((element) => !element.isDeleted)) return null;
  return sceneToDiagram(stored.scene);
}

/**
 * Stores the candidate's scene for their own active interview and returns its new revision.
 * Refused with a sentence: a scene the diagram reader cannot read (400) or one over 2 MB or
 * 5,000 elements (413); someone else's or a missing interview (404); an ended or imported one
 * (409: the diagram is part of what was scored); and, when `baseRevision` is given, a scene
 * saved meanwhile from elsewhere (409), so two tabs never silently overwrite each other.
 */
export async function saveDiagram(
  database: Database,
  interviewId: string,
  input: { userId: string; scene: unknown; baseRevision?: number },
): Promise<{ revision: number; updatedAt: string }> {
  const { baseRevision } = input;
  if (baseRevision !== undefined && !(Number.isSafeInteger(baseRevision) && baseRevision >= 0)) {
    throw new AppError("bad_request:input", "baseRevision must be a whole number, 0 or more.");
  }
  const scene = toStoredScene(readSentScene(input.scene));
  const interview = await requireOwnInterview(database, interviewId, input.userId);
  if (interview.status !== "active" || interview.source === "import") {
    throw new AppError("conflict:interview", "This interview has ended, so its diagram can no longer be changed.");
  }
  const saved = await saveDiagramRow({
    db: database.db,
    interviewId,
    scene,
    elementCount: scene.elements.length,
    baseRevision,
  });
  if (!saved) {
    const current = await getDiagramRow({ db: database.db, interviewId });
    throw new AppError(
      "conflict:diagram_revision",
      `The diagram was changed elsewhere (another tab or window) since revision ${baseRevision}; it is now at revision ${current?.revision ?? 0}. Reload it before saving again.`,
    );
  }
  return { revision: saved.revision, updatedAt: saved.updatedAt.toISOString() };
}
