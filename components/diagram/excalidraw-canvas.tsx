"use client";

/**
 * The one module that imports Excalidraw (and its stylesheet). It is loaded only through
 * lazy-canvas.tsx, so the editor's bundle and CSS reach the interview page alone, after the chat
 * has rendered. Everything the rest of the panel needs goes out through a CanvasHandle.
 */
import "@excalidraw/excalidraw/index.css";
import {
  CaptureUpdateAction,
  Excalidraw,
  hashElementsVersion,
  MainMenu,
  newElementWith,
  restoreElements,
} from "@excalidraw/excalidraw";
import type { ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import { type RefObject, useEffect, useRef } from "react";
import { type CanvasChange, type CanvasHandle, STORE_KIND, STORE_SHAPES } from "./canvas-handle";

type RawElements = Parameters<typeof restoreElements>[0];

export interface ExcalidrawCanvasProps {
  initialElements: readonly unknown[];
  initialAppState: Readonly<Record<string, unknown>>;
  theme: "light" | "dark";
  readOnly: boolean;
  onReady: (handle: CanvasHandle) => void;
  onChange: (change: CanvasChange) => void;
}

// What the canvas offers beyond drawing. Saving is automatic (to the server), and the diagram is
// exported as Mermaid by the panel, so Excalidraw's own file and image exports are off: its SVG
// export subsets fonts with a WebAssembly module compiled through `new Function`, which the
// Content-Security-Policy (no 'unsafe-eval') refuses. Images are off because the interviewer
// cannot read them and the server does not store files. The theme follows the app's toggle.
const UI_OPTIONS = {
  canvasActions: {
    export: false,
    loadScene: false,
    saveAsImage: false,
    saveToActiveFile: false,
    toggleTheme: false,
  },
  tools: { image: false },
} as const;

function handleOf(api: ExcalidrawImperativeAPI): CanvasHandle {
  return {
    replaceElements(elements, { undoable }) {
      const restored = restoreElements(elements as RawElements, null, { repairBindings: true });
      api.updateScene({
        elements: restored,
        captureUpdate: undoable ? CaptureUpdateAction.IMMEDIATELY : CaptureUpdateAction.NEVER,
      });
      if (restored.length > 0) api.scrollToContent(restored, { fitToContent: true });
      return hashElementsVersion(restored);
    },
    markSelectedAsStore(store) {
      const selected = api.getAppState().selectedElementIds;
      const elements = api.getSceneElementsIncludingDeleted().map((element) => {
        if (!selected[element.id] || !STORE_SHAPES.has(element.type)) return element;
        const { probeKind: _previous, ...rest } = element.customData ?? {};
        return newElementWith(element, { customData: store ? { ...rest, probeKind: STORE_KIND } : rest });
      });
      api.updateScene({ elements, captureUpdate: CaptureUpdateAction.IMMEDIATELY });
    },
    refresh() {
      api.refresh();
    },
  };
}

/** The name Excalidraw's menu button lacks (axe: button-name); a screen reader otherwise says only "button". */
const MENU_NAME = "Canvas menu";

/**
 * Names Excalidraw's unnamed menu button, now and whenever Excalidraw renders it again (it is
 * re-created when the editor switches between its narrow and wide layouts). The button takes no
 * props from outside, so the attribute is set on the element.
 */
function useNamedMenuButton(host: RefObject<HTMLDivElement | null>) {
  useEffect(() => {
    const root = host.current;
    if (!root) return;
    const name = () => {
      for (const button of root.querySelectorAll(".main-menu-trigger:not([aria-label])")) {
        button.setAttribute("aria-label", MENU_NAME);
      }
    };
    name();
    const observer = new MutationObserver(name);
    observer.observe(root, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [host]);
}

export default function ExcalidrawCanvas({
  initialElements,
  initialAppState,
  theme,
  readOnly,
  onReady,
  onChange,
}: ExcalidrawCanvasProps) {
  const host = useRef<HTMLDivElement>(null);
  useNamedMenuButton(host);
  return (
    <div ref={host} className="h-full w-full">
      <Excalidraw
        initialData={{
          elements: initialElements as RawElements,
          appState: initialAppState,
          scrollToContent: true,
        }}
        excalidrawAPI={(api) => onReady(handleOf(api))}
        onChange={(elements, appState) =>
          onChange({
            elements,
            // Cheap enough for every pointer move, which is when Excalidraw calls onChange most.
            version: hashElementsVersion(elements),
            selectedIds: Object.keys(appState.selectedElementIds)
              .filter((id) => appState.selectedElementIds[id])
              .sort(),
          } satisfies CanvasChange)
        }
        theme={theme}
        viewModeEnabled={readOnly}
        UIOptions={UI_OPTIONS}
        aiEnabled={false}
        name="Interview diagram"
      >
        {/* The menu without the file and image exports (see UI_OPTIONS) or links to Excalidraw's sites. */}
        <MainMenu>
          <MainMenu.DefaultItems.SearchMenu />
          <MainMenu.DefaultItems.Help />
          <MainMenu.DefaultItems.ClearCanvas />
          <MainMenu.DefaultItems.ChangeCanvasBackground />
        </MainMenu>
      </Excalidraw>
    </div>
  );
}
