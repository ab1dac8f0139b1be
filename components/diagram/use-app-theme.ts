"use client";

import { useSyncExternalStore } from "react";

/** The app's theme: the `dark` class the theme toggle and the layout's inline script set on <html>. */
function current(): "light" | "dark" {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  return () => observer.disconnect();
}

/** Follows the theme toggle (and the system theme when that is the choice) as it changes. */
export function useAppTheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, current, () => "light");
}
