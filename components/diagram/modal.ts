"use client";

import { useCallback, useRef } from "react";

export const BUTTON =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
export const PRIMARY_BUTTON =
  "rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-600 dark:bg-indigo-500 dark:text-zinc-950 dark:hover:bg-indigo-400";
export const DIALOG =
  "m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-4 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";
export const TEXTAREA =
  "mt-1 block h-64 w-full resize-y rounded-md border border-zinc-300 bg-white p-2 font-mono text-sm dark:border-zinc-700 dark:bg-zinc-950";

/**
 * A native modal <dialog> opened from a button: the browser keeps focus inside it and closes it on
 * Escape; `first` takes focus on opening, and focus goes back to the opener when it closes.
 */
export function useModal<T extends HTMLElement>() {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const first = useRef<T>(null);
  const open = useCallback(() => {
    dialog.current?.showModal();
    first.current?.focus();
  }, []);
  const close = useCallback(() => dialog.current?.close(), []);
  const onClose = useCallback(() => opener.current?.focus(), []);
  return { dialog, opener, first, open, close, onClose };
}

export type Modal = ReturnType<typeof useModal<HTMLElement>>;
