import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullNameKey, isSimilarName, nameSimilarity, normalizeName, trigrams } from './name-similarity';

describe('normalizeName', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalizeName('  José  Núñez-Ruiz ')).toBe('jose nunez ruiz');
    expect(normalizeName("O'Brien")).toBe('obrien');
    expect(normalizeName('Ångström, Å.')).toBe('angstrom a');
    expect(normalizeName('Strauß')).toBe('strauss');
    expect(fullNameKey('Zoë', 'Mockford')).toBe('zoe mockford');
  });
});

describe('trigrams and similarity (as pg_trgm scores them)', () => {
  it('pads each word like pg_trgm', () => {
    expect([...trigrams('cat')].sort()).toEqual(['  c', ' ca', 'at ', 'cat']);
  });

  it('scores the same name 1, unrelated names low, and is symmetric', () => {
    expect(nameSimilarity('Ada Testwell', 'ada testwell')).toBe(1);
    expect(nameSimilarity('José Núñez', 'Jose Nunez')).toBe(1);
    expect(nameSimilarity('Ada Testwell', 'Bram Mockford')).toBeLessThan(0.1);
    expect(nameSimilarity('Ada Testwell', 'Ada Testwel')).toBeGreaterThan(0.4);
    expect(nameSimilarity('', '')).toBe(0);
  });

  it('property: similarity is in [0, 1], symmetric, and 1 for a name and its re-cased form', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const score = nameSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(nameSimilarity(b, a)).toBe(score);
        if (trigrams(a).size > 0) expect(nameSimilarity(a, a.toUpperCase())).toBe(nameSimilarity(a, a));
      }),
    );
  });
});

describe('isSimilarName', () => {
  it('matches typos, accents, and first and last name swapped', () => {
    expect(
      isSimilarName({ firstName: 'Mabel', lastName: 'Sampleton' }, { firstName: 'Mabel', lastName: 'Sampelton' }),
    ).toBe(true);
    expect(
      isSimilarName({ firstName: 'Renée', lastName: 'Fictive' }, { firstName: 'Renee', lastName: 'Fictive' }),
    ).toBe(true);
    expect(
      isSimilarName({ firstName: 'Sampleton', lastName: 'Mabel' }, { firstName: 'Mabel', lastName: 'Sampleton' }),
    ).toBe(true);
  });

  it('does not match different people', () => {
    expect(
      isSimilarName({ firstName: 'Mabel', lastName: 'Sampleton' }, { firstName: 'Quill', lastName: 'Dummyworth' }),
    ).toBe(false);
    expect(isSimilarName({ firstName: 'Ada', lastName: 'Fakenham' }, { firstName: 'Kit', lastName: 'Notreal' })).toBe(
      false,
    );
  });
});
