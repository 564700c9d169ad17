import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstBlockedFolder } from './database.mjs';
import { productionProblems } from './production-checks.mjs';

const SECRET = 'x'.repeat(43);

describe('production checks at start', () => {
  it('accepts a deployment with both secrets and an https address', () => {
    expect(
      productionProblems({ NEXTAUTH_SECRET: SECRET, AUDIT_KEY: SECRET, NEXTAUTH_URL: 'https://trialdesk.clinic.org' }),
    ).toEqual([]);
  });

  it('names each missing secret and the missing address, saying what to set', () => {
    const problems = productionProblems({});
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('Set NEXTAUTH_SECRET');
    expect(problems[1]).toContain('Set AUDIT_KEY');
    expect(problems[2]).toContain('NEXTAUTH_URL=https://');
  });

  it('refuses an http address and short secrets', () => {
    const problems = productionProblems({
      NEXTAUTH_SECRET: 'short',
      AUDIT_KEY: SECRET,
      NEXTAUTH_URL: 'http://trialdesk.clinic.org',
    });
    expect(problems).toEqual([
      expect.stringContaining('NEXTAUTH_SECRET is too short'),
      expect.stringContaining('it is http://trialdesk.clinic.org'),
    ]);
  });
});

describe('the embedded database folder', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'trialdesk-folders-'));
  afterAll(() => {
    chmodSync(path.join(scratch, 'home'), 0o755);
    rmSync(scratch, { recursive: true, force: true });
  });

  it('finds the first folder the postgres user cannot enter (a checkout under a 700 home)', () => {
    chmodSync(scratch, 0o755);
    const home = path.join(scratch, 'home');
    mkdirSync(path.join(home, 'trialdesk', '.data'), { recursive: true });
    chmodSync(home, 0o700);
    expect(firstBlockedFolder(path.join(home, 'trialdesk', '.data', 'postgres'), { postgresUid: 4242 })).toBe(home);
    // Owned by the postgres user itself, the same folder is passable.
    expect(firstBlockedFolder(path.join(home, 'trialdesk'), { postgresUid: process.getuid?.() ?? 0 })).toBeNull();
  });

  it('passes folders everyone can enter, and folders still to be made', () => {
    const open = path.join(scratch, 'open');
    mkdirSync(open, { recursive: true });
    chmodSync(open, 0o755);
    expect(firstBlockedFolder(path.join(open, 'not-yet', 'postgres'), { postgresUid: 4242 })).toBeNull();
  });
});
