"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { CanvasChange, CanvasElement, CanvasHandle } from "./canvas-handle";
import { isStore, STORE_SHAPES } from "./canvas-handle";
import { loadStoredScene } from "./diagram-api";
import { LazyCanvas } from "./lazy-canvas";
import { MermaidExport } from "./mermaid-export";
import { MermaidImport } from "./mermaid-import";
import { BUTTON } from "./modal";
import { saveStatusText } from "./save-status";
import { sceneSummary } from "./scene-summary";
import { useAppTheme } from "./use-app-theme";
import { useAutosave } from "./use-autosave";
import { useMediaQuery } from "./use-media-query";

/** The diagram as the page loaded it from the server (null before the first save). */
export interface InitialDiagram {
  scene: { elements: readonly unknown[]; appState?: Record<string, unknown> | null } | null;
  revision: number;
}

/** Tailwind's `lg`: from here the canvas sits beside the chat; below it, behind the Diagram tab. */
const WIDE = "(min-width: 64rem)";

/** How many selected shapes can be stores, and whether all of them already are. */
function storeSelection(elements: readonly CanvasElement[], selectedIds: readonly string[]) {
  if (selectedIds.length === 0) return { shapes: 0, allStores: false };
  const selected = new Set(selectedIds);
  const shapes = elements.filter((e) => selected.has(e.id) && !e.isDeleted && STORE_SHAPES.has(e.type));
  return { shapes: shapes.length, allStores: shapes.length > 0 && shapes.every(isStore) };
}

/**
 * The candidate's design diagram beside the chat (issue 16): an Excalidraw canvas that saves
 * itself, a flowchart pasted as Mermaid, the diagram exported as Mermaid, and shapes marked as
 * stores. Read-only once the interview has ended. The editor loads only when the panel is first
 * on screen: at once beside the chat on a wide screen, on a phone when the Diagram tab is chosen.
 */
export function DiagramPanel({
  interviewId,
  initial,
  readOnly,
  shown,
}: {
  interviewId: string;
  initial: InitialDiagram | null;
  readOnly: boolean;
  /** Whether the Diagram tab is chosen (it matters only below the wide breakpoint). */
  shown: boolean;
}) {
  const theme = useAppTheme();
  const wide = useMediaQuery(WIDE);
  const visible = wide || shown;
  // Mounted the first time the panel is visible, and kept: hiding it again keeps the editor's state.
  const [mounted, setMounted] = useState(false);
  if (visible && !mounted) setMounted(true);

  const handle = useRef<CanvasHandle | null>(null);
  const elements = useRef<readonly CanvasElement[]>([]);
  // The version hash last seen: onChange fires on every pointer move, and only a new hash is a change.
  const version = useRef<number | null>(null);
  const selectionKey = useRef("");
  const [summary, setSummary] = useState(() =>
    sceneSummary((initial?.scene?.elements ?? []) as readonly CanvasElement[]),
  );
  const [selection, setSelection] = useState({ shapes: 0, allStores: false });
  // Set once the canvas has reported its elements: from then on the summary reads the canvas.
  const [ready, setReady] = useState(false);

  // The version of a scene loaded from the server after a conflict: showing it is not a change to save.
  const fromServer = useRef<number | null>(null);
  const reloadFromServer = useCallback(async () => {
    const stored = await loadStoredScene(interviewId);
    if (handle.current)
      fromServer.current = handle.current.replaceElements(stored.scene?.elements ?? [], { undoable: false });
    return stored.revision;
  }, [interviewId]);
  const autosave = useAutosave({
    interviewId,
    initialRevision: initial?.revision ?? 0,
    enabled: !readOnly,
    onConflict: reloadFromServer,
  });

  const onChange = useCallback(
    (change: CanvasChange) => {
      const key = change.selectedIds.join(",");
      const changed = change.version !== version.current;
      if (changed || key !== selectionKey.current) {
        selectionKey.current = key;
        setSelection(storeSelection(change.elements, change.selectedIds));
      }
      if (!changed) return;
      const first = version.current === null;
      if (first) setReady(true);
      version.current = change.version;
      elements.current = change.elements;
      setSummary(sceneSummary(change.elements));
      // The first call is the stored scene arriving on the canvas, not a change of the candidate's.
      if (!first && change.version !== fromServer.current) autosave.schedule(change.elements);
    },
    [autosave.schedule],
  );

  // A canvas shown again after being hidden (the phone's tabs) re-reads its size and position.
  useEffect(() => {
    if (visible) handle.current?.refresh();
  }, [visible]);

  return (
    <div className="flex min-w-0 flex-col gap-2" data-testid="diagram-panel" data-canvas={ready ? "ready" : "loading"}>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-auto font-semibold">Diagram</h2>
        {!readOnly && (
          <>
            <MermaidImport
              onReplace={(next) => {
                handle.current?.replaceElements(next, { undoable: true });
              }}
            />
            <button
              type="button"
              className={BUTTON}
              aria-pressed={selection.allStores}
              disabled={selection.shapes === 0}
              aria-describedby="diagram-store-hint"
              onClick={() => handle.current?.markSelectedAsStore(!selection.allStores)}
              data-testid="mark-store"
            >
              Mark as store
            </button>
          </>
        )}
        <MermaidExport elements={() => elements.current} />
      </div>
      <p id="diagram-store-hint" className="text-xs text-muted">
        {readOnly
          ? "The interview has ended, so the diagram can be viewed but not changed."
          : "Select boxes or ellipses that hold data (a database, a feature store, a log) and mark them as stores."}
      </p>
      <div className="flex flex-wrap justify-between gap-x-4 text-sm">
        <p data-testid="diagram-summary">{summary}</p>
        {!readOnly && (
          <p role="status" data-testid="diagram-save-status" data-revision={autosave.revision} className="text-muted">
            {saveStatusText(autosave.status)}
          </p>
        )}
      </div>
      {/* Excalidraw hides its own focus ring; this one shows that the editor has the keyboard. */}
      <div
        className="relative h-[65vh] min-h-80 overflow-hidden rounded-lg border border-zinc-200 outline-(--probe-focus) outline-offset-2 has-[.excalidraw-container:focus-visible]:outline-2 lg:h-[calc(100vh-14rem)] dark:border-zinc-800"
        data-testid="diagram-canvas"
      >
        {mounted && (
          <LazyCanvas
            initialElements={initial?.scene?.elements ?? []}
            initialAppState={initial?.scene?.appState ?? {}}
            theme={theme}
            readOnly={readOnly}
            onReady={(next) => {
              handle.current = next;
            }}
            onChange={onChange}
          />
        )}
      </div>
    </div>
  );
}
