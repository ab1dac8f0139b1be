"use client";

import { ConfirmDialog, useConfirmDialog } from "./confirm-dialog";
import { BUTTON } from "./styles";

/** A button that asks first, in a modal dialog, for what cannot be undone. */
export function ConfirmButton({
  label,
  testId,
  title,
  text,
  confirmLabel,
  confirmTestId,
  disabled = false,
  onConfirm,
}: {
  label: string;
  testId: string;
  title: string;
  text: string;
  confirmLabel: string;
  confirmTestId: string;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const { open, ...refs } = useConfirmDialog();
  return (
    <>
      <button
        type="button"
        data-testid={testId}
        disabled={disabled}
        aria-haspopup="dialog"
        onClick={(event) => open(event.currentTarget)}
        className={BUTTON}
      >
        {label}
      </button>
      <ConfirmDialog
        refs={refs}
        title={title}
        text={text}
        confirmLabel={confirmLabel}
        confirmTestId={confirmTestId}
        onConfirm={onConfirm}
      />
    </>
  );
}
