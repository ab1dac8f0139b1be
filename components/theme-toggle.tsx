"use client";

import { useEffect, useState } from "react";
import { THEME_STORAGE_KEY, type ThemePreference } from "@/lib/theme";

const ORDER: ThemePreference[] = ["system", "light", "dark"];
const LABELS: Record<ThemePreference, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };

function apply(preference: ThemePreference) {
  const dark =
    preference === "dark" || (preference === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.dataset.themePreference = preference;
}

function storedPreference(): ThemePreference {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY) as ThemePreference | null;
    return stored && ORDER.includes(stored) ? stored : "system";
  } catch {
    // Storage can be blocked; the system theme is the fallback.
    return "system";
  }
}

/** Cycles system → light → dark; the choice is remembered in localStorage. */
export function ThemeToggle() {
  const [preference, setPreference] = useState<ThemePreference>("system");

  useEffect(() => {
    // Applied here too: a page that Next renders only in the browser (a not-found thrown before its
    // shell streamed) never runs the inline script of the layout.
    const stored = storedPreference();
    setPreference(stored);
    apply(stored);
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const onChange = () => {
      if ((document.documentElement.dataset.themePreference ?? "system") === "system") apply("system");
    };
    media.addEventListener("change", onChange);
    return () => media.removeEventListener("change", onChange);
  }, []);

  const next = ORDER[(ORDER.indexOf(preference) + 1) % ORDER.length] ?? "system";
  return (
    <button
      type="button"
      data-testid="theme-toggle"
      data-preference={preference}
      className="rounded-md border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
      aria-label={`${LABELS[preference]}; switch to ${LABELS[next].toLowerCase()}`}
      onClick={() => {
        localStorage.setItem(THEME_STORAGE_KEY, next);
        apply(next);
        setPreference(next);
      }}
    >
      {preference === "system" ? "◐ System" : preference === "light" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
