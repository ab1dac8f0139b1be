/** A piece of a passage small enough for the embedding model's window. */
export interface Chunk {
  /** `<passage id>` for a passage that fits whole, `<passage id>#<n>` for its n-th piece. */
  id: string;
  passageId: string;
  text: string;
}

/**
 * MiniLM-class models read at most 256 word pieces (about 180 English words); longer text is
 * silently truncated, so passages above the limit are cut at sentence ends with one sentence
 * of overlap, keeping each piece's meaning intact.
 */
export const MAX_CHUNK_WORDS = 170;

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function sentences(text: string): string[] {
  // A full stop inside a token ("1.1", "v2.3") does not end a sentence; one before a space does.
  const found = text.match(/(?:[^.!?]|[.!?](?!\s|$))+(?:[.!?]+|$)/g) ?? [text];
  return found.map((s) => s.trim()).filter(Boolean);
}

export function chunkPassage(passageId: string, text: string, maxWords = MAX_CHUNK_WORDS): Chunk[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (words(clean) <= maxWords) return [{ id: passageId, passageId, text: clean }];
  const parts = sentences(clean);
  const pieces: string[][] = [];
  let current: string[] = [];
  for (const sentence of parts) {
    if (current.length > 0 && words([...current, sentence].join(" ")) > maxWords) {
      pieces.push(current);
      // One sentence of overlap carries the context across the cut, when it fits.
      const overlap = current.slice(-1);
      current = words([...overlap, sentence].join(" ")) <= maxWords ? overlap : [];
    }
    current.push(sentence);
  }
  if (current.length > 0) pieces.push(current);
  return pieces.map((piece, index) => ({ id: `${passageId}#${index + 1}`, passageId, text: piece.join(" ") }));
}
