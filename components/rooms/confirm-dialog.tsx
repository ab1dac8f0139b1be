"use client";

import { useId, useRef } from "react";
import { BUTTON, DANGER_BUTTON } from "./styles";

/** The refs one confirm dialog needs, and `open(from)`: focus goes back to `from` when it closes. */
export function useConfirmDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const open = (from: HTMLElement) => {
    opener.current = from;
    dialog.current?.showModal();
    // Cancel takes focus first: the safe choice is the default one.
    cancel.current?.focus();
  };
  return { dialog, cancel, opener, open };
}

export type ConfirmDialogRefs = Omit<ReturnType<typeof useConfirmDialog>, "open">;

/**
 * Asks before something that cannot be undone, like "End interview": a modal dialog keeps focus
 * inside it, Escape or Cancel closes it, and focus returns to the button that opened it.
 */
export function ConfirmDialog({
  refs,
  title,
  text,
  confirmLabel,
  confirmTestId,
  onConfirm,
}: {
  refs: ConfirmDialogRefs;
  title: string;
  text: string;
  confirmLabel: string;
  confirmTestId: string;
  onConfirm: () => void;
}) {
  const id = useId();
  const close = () => refs.dialog.current?.close();
  return (
    <dialog
      ref={refs.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={() => refs.opener.current?.focus()}
      className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={`${id}-title`} className="font-semibold">
        {title}
      </h2>
      <p id={`${id}-text`} className="mt-1 text-sm text-zinc-600 dark:text-zinc-300">
        {text}
      </p>
      <div className="mt-4 flex justify-end gap-2">
        <button ref={refs.cancel} type="button" onClick={close} className={BUTTON}>
          Cancel
        </button>
        <button
          type="button"
          data-testid={confirmTestId}
          onClick={() => {
            close();
            onConfirm();
          }}
          className={DANGER_BUTTON}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
