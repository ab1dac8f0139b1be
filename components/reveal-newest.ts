"use client";

import { type RefObject, useEffect, useLayoutEffect, useRef } from "react";

/**
 * Scrolls so `element` (the newest turn) sits above the sticky composer: wholly when it fits
 * between the top of the window and the composer, otherwise with its start at the top, so the
 * beginning of a long reply is what the candidate sees first.
 */
export function revealAboveComposer(element: HTMLElement, composer: HTMLElement | null): void {
  const margin = 8;
  const visibleBottom = window.innerHeight - (composer?.offsetHeight ?? 0) - margin;
  const rect = element.getBoundingClientRect();
  if (rect.top >= margin && rect.bottom <= visibleBottom) return;
  const fits = rect.height <= visibleBottom - margin;
  const delta = fits ? rect.bottom - visibleBottom : rect.top - margin;
  window.scrollBy({ top: delta, behavior: "auto" });
}

/** Calls `revealAboveComposer` on the transcript's last item each time `key` changes. */
export function useRevealNewest(
  key: string,
  list: RefObject<HTMLElement | null>,
  composer: RefObject<HTMLElement | null>,
): void {
  const first = useRef(true);
  useLayoutEffect(() => {
    // The key is the trigger (a new turn, more streamed text, a card that arrived), not an input.
    void key;
    const opening = first.current;
    first.current = false;
    // A link to a quoted turn (#turn-3) decides where the page opens, not the newest turn.
    if (opening && window.location.hash) return;
    const last = list.current?.lastElementChild;
    if (last instanceof HTMLElement) revealAboveComposer(last, composer.current);
  }, [key, list, composer]);
}

/** Keeps `--composer-h` on `container` equal to the composer's height, for scroll margins. */
export function useComposerHeight(
  container: RefObject<HTMLElement | null>,
  composer: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const target = composer.current;
    const host = container.current;
    if (!target || !host) return;
    const observer = new ResizeObserver(() => host.style.setProperty("--composer-h", `${target.offsetHeight}px`));
    observer.observe(target);
    return () => observer.disconnect();
  }, [container, composer]);
}
