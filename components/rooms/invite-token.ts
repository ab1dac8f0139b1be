/**
 * The invite token in what someone pasted: a whole invite URL (`…/rooms/join?token=…`) or the
 * bare token. Null when there is nothing to use.
 */
export function inviteTokenOf(pasted: string): string | null {
  const text = pasted.trim();
  if (!text) return null;
  try {
    const token = new URL(text).searchParams.get("token");
    return token?.trim() || null;
  } catch {
    // Not a URL: the token itself, possibly with its query prefix still on.
    const bare = text.replace(/^.*[?&]token=/, "").replace(/[&#].*$/, "");
    return bare || null;
  }
}
