"use client";

import type { ReactNode } from "react";
import { BUTTON, DIALOG, type Modal } from "./modal";

/** The button that opens a modal dialog, and the dialog: one shape for every dialog of the panel. */
export function DialogWithOpener({
  modal,
  label,
  testId,
  titleId,
  onOpen,
  children,
}: {
  modal: Modal;
  label: string;
  /** The dialog's test id; its opener's is the same with "-open". */
  testId: string;
  /** The id of the heading inside that names the dialog. */
  titleId: string;
  onOpen: () => void;
  children: ReactNode;
}) {
  return (
    <>
      <button
        ref={modal.opener}
        type="button"
        className={BUTTON}
        aria-haspopup="dialog"
        data-testid={`${testId}-open`}
        onClick={onOpen}
      >
        {label}
      </button>
      <dialog
        ref={modal.dialog}
        aria-labelledby={titleId}
        className={DIALOG}
        data-testid={testId}
        onClose={modal.onClose}
      >
        {children}
      </dialog>
    </>
  );
}
