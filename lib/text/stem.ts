const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could did do does for from had has have how i if in into is it its " +
    "me my no not of on or our so such than that the their them then there these they this those to too us " +
    "was we were what when where which while who whom why will with would you your should shall about also " +
    "just more most some any each other only own same very over under again further once here all both few " +
    "nor off out up down am being having doing s t don now let get got use used using one two"
  ).split(" "),
);

/** True for words that carry no topic (articles, auxiliaries, pronouns). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/**
 * A light suffix stripper: enough to meet "ranking"/"ranked"/"ranks" at "rank" without the
 * over-stemming of a full Porter stemmer on technical words ("bias", "loss", "cls").
 */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  const rules: Array<[RegExp, string]> = [
    [/ies$/, "y"],
    [/(ss|us|is|os)$/, "$1"],
    [/sses$/, "ss"],
    [/([^s])s$/, "$1"],
    [/ingly$/, ""],
    [/edly$/, ""],
    [/ing$/, ""],
    [/ed$/, ""],
    [/ation$/, "ate"],
    [/ness$/, ""],
  ];
  for (const [pattern, replacement] of rules) {
    if (pattern.test(word)) {
      const stemmed = word.replace(pattern, replacement);
      return stemmed.length >= 3 ? stemmed : word;
    }
  }
  return word;
}
