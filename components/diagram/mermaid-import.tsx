"use client";

import { useId, useState } from "react";
import { ErrorNotice } from "@/components/error-notice";
import { DialogWithOpener } from "./dialog-with-opener";
import { BUTTON, PRIMARY_BUTTON, TEXTAREA, useModal } from "./modal";

/**
 * "Paste Mermaid": a flowchart typed or pasted replaces the canvas, laid out as boxes and arrows.
 * A flowchart that cannot be read shows why and changes nothing.
 */
export function MermaidImport({ onReplace }: { onReplace: (elements: readonly unknown[]) => void }) {
  const modal = useModal<HTMLTextAreaElement>();
  const [source, setSource] = useState("");
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  async function replace() {
    const { mermaidToElements } = await import("./mermaid-convert");
    const result = mermaidToElements(source);
    if ("error" in result) {
      setError(result.error);
      modal.first.current?.focus();
      return;
    }
    onReplace(result.elements);
    setSource("");
    setError(null);
    modal.close();
  }

  return (
    <DialogWithOpener
      modal={modal}
      label="Paste Mermaid"
      testId="mermaid-import"
      titleId={`${id}-title`}
      onOpen={modal.open}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          // Not a parse error (those are sentences): a fault of the app, said as one, with its detail.
          void replace().catch((caught: Error) =>
            setError(`The flowchart could not be drawn (${caught.message}); nothing was changed.`),
          );
        }}
      >
        <h2 id={`${id}-title`} className="font-semibold">
          Replace the diagram with a Mermaid flowchart
        </h2>
        <label htmlFor={`${id}-source`} className="mt-2 block text-sm">
          Mermaid flowchart (<code>flowchart TD</code> or <code>graph LR</code>, then nodes and arrows)
        </label>
        <textarea
          ref={modal.first}
          id={`${id}-source`}
          className={TEXTAREA}
          value={source}
          onChange={(event) => setSource(event.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          spellCheck={false}
          data-testid="mermaid-source"
        />
        <p className="mt-1 text-xs text-muted">
          Everything on the canvas is replaced; Undo on the canvas brings it back.
        </p>
        {error && (
          <div id={`${id}-error`} className="mt-2">
            <ErrorNotice message={error} testId="mermaid-error" />
          </div>
        )}
        <div className="mt-4 flex flex-wrap justify-end gap-2">
          <button type="button" className={BUTTON} onClick={modal.close}>
            Cancel
          </button>
          <button type="submit" className={PRIMARY_BUTTON} data-testid="mermaid-replace">
            Replace diagram
          </button>
        </div>
      </form>
    </DialogWithOpener>
  );
}
