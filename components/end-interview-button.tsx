"use client";

import { useRef } from "react";

const BUTTON = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700";

/**
 * "End interview" asks first: ending scores the interview and cannot be undone. A modal dialog
 * keeps focus inside it, Escape or Cancel closes it, and focus goes back to the button.
 */
export function EndInterviewButton({ disabled, onEnd }: { disabled: boolean; onEnd: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  function close() {
    dialog.current?.close();
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        data-testid="end-interview"
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={() => {
          dialog.current?.showModal();
          // Cancel takes focus first: the safe choice is the default one.
          cancel.current?.focus();
        }}
        className={BUTTON}
      >
        End interview
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="end-interview-title"
        aria-describedby="end-interview-text"
        data-testid="end-confirm"
        onClose={() => opener.current?.focus()}
        className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="end-interview-title" className="font-semibold">
          End the interview now?
        </h2>
        <p id="end-interview-text" className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
          The interview is scored on what you have said so far, and you cannot add to it afterwards.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button ref={cancel} type="button" data-testid="cancel-end" onClick={close} className={BUTTON}>
            Cancel
          </button>
          <button
            type="button"
            data-testid="confirm-end"
            onClick={() => {
              close();
              onEnd();
            }}
            className="rounded-md bg-red-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-red-600"
          >
            End interview
          </button>
        </div>
      </dialog>
    </>
  );
}
