import { describe, expect, it } from 'vitest';
import { toJson } from './to-json';

// toJson copies plain data without a JSON round trip; whatever it returns must be exactly what the
// round trip (with the redaction replacer) returned, since that is what is stored and sealed.
const REDACTED = new Set(['password', 'passwordHash', 'currentPassword', 'newPassword']);
const roundTrip = (value: unknown) =>
  JSON.parse(JSON.stringify(value, (key, v) => (REDACTED.has(key) ? '[redacted]' : v)));

class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}

const CASES: Record<string, unknown> = {
  string: 'Ünïcode ✓ "quoted"',
  number: 2.5,
  negativeZero: -0,
  boolean: false,
  ids: Array.from({ length: 1_000 }, (_, i) => `c${i.toString(36).padStart(24, '0')}`),
  nested: { b: [1, 'two', null, [true, { z: 1, a: { deep: ['x'] } }]], a: {} },
  undefinedProperties: { kept: 1, dropped: undefined, nested: { alsoDropped: undefined } },
  secrets: { password: 'hunter2', nested: { newPassword: { any: 'shape' }, currentPassword: undefined }, name: 'ok' },
  secretsInArray: [{ passwordHash: 'x' }, { other: 'y' }],
  nullPrototype: Object.assign(Object.create(null), { a: 1 }),
  dates: { at: new Date('2026-11-02T10:00:00Z'), list: [new Date('2026-01-01T00:00:00Z')] },
  notFinite: { nan: Number.NaN, inf: [Number.POSITIVE_INFINITY] },
  undefinedInArray: [1, undefined, 3],
  hole: Object.assign(new Array(3), { 0: 1, 2: 3 }), // [1, <hole>, 3]
  classInstance: { point: new Point(1, 2) },
  toJsonMethod: { money: { toJSON: () => '12.50 EUR' } },
  functionValue: { fn: () => 1, kept: 'yes' },
  dollarType: { $type: 'DateTime', value: '2026-01-01' },
};

describe('toJson', () => {
  for (const [name, value] of Object.entries(CASES)) {
    it(`stores ${name} exactly as the JSON round trip did`, () => {
      const stored = toJson(value);
      expect(JSON.stringify(stored)).toBe(JSON.stringify(roundTrip(value)));
      expect(stored).toStrictEqual(roundTrip(value));
    });
  }

  it('returns a copy: changing the caller object afterwards does not change the stored value', () => {
    const after = { ids: ['a', 'b'], filters: { q: 'x' } };
    const stored = toJson(after) as { ids: string[]; filters: { q: string } };
    after.ids.push('c');
    after.filters.q = 'changed';
    expect(stored).toEqual({ ids: ['a', 'b'], filters: { q: 'x' } });
  });

  it('stores nothing for undefined and null', () => {
    expect(toJson(undefined)).toBeUndefined();
    expect(toJson(null)).toBeUndefined();
  });
});
