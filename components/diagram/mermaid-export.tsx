"use client";

import { useId, useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import type { CanvasElement } from "./canvas-handle";
import { DialogWithOpener } from "./dialog-with-opener";
import { BUTTON, TEXTAREA, useModal } from "./modal";

function download(text: string, filename: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * "Export Mermaid": the diagram as a flowchart, shown in a read-only box to select, copy to the
 * clipboard, or download as a .mmd file.
 */
export function MermaidExport({ elements }: { elements: () => readonly CanvasElement[] }) {
  const modal = useModal<HTMLTextAreaElement>();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState("");
  const id = useId();

  async function open() {
    setCopied("");
    try {
      const { elementsToMermaid } = await import("./mermaid-convert");
      setText(elementsToMermaid(elements()));
      setError(null);
    } catch (caught) {
      setText("");
      setError((caught as Error).message);
    }
    modal.open();
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("Copied to the clipboard.");
    } catch {
      setCopied("The clipboard is not available here; select the text and copy it instead.");
    }
  }

  return (
    <DialogWithOpener
      modal={modal}
      label="Export Mermaid"
      testId="mermaid-export"
      titleId={`${id}-title`}
      onOpen={() => void open()}
    >
      <h2 id={`${id}-title`} className="font-semibold">
        The diagram as a Mermaid flowchart
      </h2>
      {error ? (
        <div className="mt-2">
          <ErrorNotice message={error} testId="mermaid-export-error" />
        </div>
      ) : (
        <>
          <label htmlFor={`${id}-text`} className="mt-2 block text-sm">
            Mermaid flowchart
          </label>
          <textarea
            ref={modal.first}
            id={`${id}-text`}
            className={TEXTAREA}
            value={text}
            readOnly
            spellCheck={false}
            data-testid="mermaid-export-text"
          />
        </>
      )}
      <p className="mt-2 min-h-5 text-sm" aria-live="polite" data-testid="mermaid-copy-status">
        {copied}
      </p>
      <div className="mt-2 flex flex-wrap justify-end gap-2">
        <button type="button" className={BUTTON} onClick={() => void copy()} disabled={Boolean(error)}>
          Copy
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={() => download(text, "diagram.mmd")}
          disabled={Boolean(error)}
          data-testid="mermaid-download"
        >
          Download .mmd
        </button>
        <button type="button" className={BUTTON} onClick={modal.close}>
          Close
        </button>
      </div>
    </DialogWithOpener>
  );
}
