// Small text helpers shared by the ClinicalTrials.gov importers.

/** CommonMark lets any ASCII punctuation be backslash-escaped; the registry escapes `>`, `<`, `=`, `*`, `[`, `^` and more. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Removes bold/italic markers that wrap words, leaving lone asterisks such as footnote marks ("pN0*"). */
export function stripEmphasis(text: string): string {
  return text
    .replace(/(?<!\\)(\*\*|__)(?=\S)([^]*?[^\s\\])\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?[^\s\\])[*_](?=$|[\s).,:;])/g, '$1$2');
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One display line of registry Markdown: escapes and emphasis removed, whitespace collapsed. */
export function cleanInlineMarkdown(text: string): string {
  // Emphasis first: an escaped `\*` is a literal asterisk, never an emphasis marker.
  return collapseWhitespace(unescapeMarkdown(stripEmphasis(text)));
}
