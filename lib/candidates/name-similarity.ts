// Name matching for duplicate detection at intake. The database narrows the
// candidates to the same date of birth and scores names with pg_trgm; these pure
// functions normalise names (case, accents, punctuation) and score them the way
// pg_trgm does, so "José Núñez-Ruiz" and "jose nunez ruiz" count as the same name
// even though the database compares them accent-sensitively.

/** Trigram similarity above which two names (with the same date of birth) are a possible duplicate. */
export const NAME_SIMILARITY_THRESHOLD = 0.4;

/** Lower case, accents and other marks removed, punctuation as spaces, single spaces, trimmed. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[''`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** "first last", normalised: the form both the database query and the scoring use. */
export function fullNameKey(firstName: string, lastName: string): string {
  return normalizeName(`${firstName} ${lastName}`);
}

/**
 * pg_trgm's trigrams of a string: each word is padded with two spaces in front
 * and one behind, and every run of three characters is one trigram.
 */
export function trigrams(text: string): Set<string> {
  const result = new Set<string>();
  for (const word of normalizeName(text).split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) result.add(padded.slice(i, i + 3));
  }
  return result;
}

/** pg_trgm `similarity(a, b)` on the normalised names: shared trigrams / all trigrams, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const left = trigrams(a);
  const right = trigrams(b);
  if (left.size === 0 && right.size === 0) return 0;
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/**
 * Whether two people's names are close enough to ask "is this the same person?".
 * First and last name swapped on entry counts too.
 */
export function isSimilarName(
  a: { firstName: string; lastName: string },
  b: { firstName: string; lastName: string },
): boolean {
  const target = fullNameKey(b.firstName, b.lastName);
  return (
    nameSimilarity(fullNameKey(a.firstName, a.lastName), target) > NAME_SIMILARITY_THRESHOLD ||
    nameSimilarity(fullNameKey(a.lastName, a.firstName), target) > NAME_SIMILARITY_THRESHOLD
  );
}
