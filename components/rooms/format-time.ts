/** The same text on the server and in every browser (a local time zone would break hydration). */
const FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** An ISO time as "5 Dec 2026, 01:28 UTC". */
export function formatTime(iso: string): string {
  return `${FORMAT.format(new Date(iso))} UTC`;
}
