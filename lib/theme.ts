/** The theme preference stored in localStorage; "system" follows the operating system. */
export type ThemePreference = "system" | "light" | "dark";

export const THEME_STORAGE_KEY = "probe-theme";

/**
 * Runs inline in <head> before the page paints, so the first frame already has the right
 * theme. Kept as a string because it must not wait for any bundle to load.
 */
export const THEME_INIT_SCRIPT = `(function(){try{var p=localStorage.getItem("${THEME_STORAGE_KEY}");var d=p==="dark"||((!p||p==="system")&&window.matchMedia("(prefers-color-scheme: dark)").matches);var r=document.documentElement;r.classList.toggle("dark",d);r.dataset.themePreference=p||"system";}catch(e){}})();`;
