import { describe, expect, it } from 'vitest';
import { buildIcs, escapeIcsText, foldIcsLine, formatIcsUtc, type IcsAppointment } from '@/lib/scheduling/build-ics';
import { ny } from '@/lib/scheduling/test-support';

const DTSTAMP = new Date('2026-11-20T15:04:05.678Z');
const VISIT: IcsAppointment = {
  id: 'visit-1',
  start: ny('2026-12-03', '09:00'),
  end: ny('2026-12-03', '10:40'),
  summary: 'Study visit',
};
const octets = (line: string) => new TextEncoder().encode(line).length;
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('buildIcs', () => {
  it('writes a VCALENDAR with one VEVENT per appointment, CRLF line endings and UTC times', () => {
    const text = buildIcs({ appointments: [VISIT], dtstamp: DTSTAMP });
    expect(text).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//TrialDesk//Appointments//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:visit-1@trialdesk.local',
        'DTSTAMP:20261120T150405Z',
        'DTSTART:20261203T140000Z',
        'DTEND:20261203T154000Z',
        'SEQUENCE:0',
        'STATUS:CONFIRMED',
        'SUMMARY:Study visit',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('uses summer time offsets for summer visits', () => {
    expect(
      buildIcs({
        appointments: [{ ...VISIT, start: ny('2026-07-01', '09:00'), end: ny('2026-07-01', '10:40') }],
        dtstamp: DTSTAMP,
      }),
    ).toContain('DTSTART:20260701T130000Z');
  });

  it('gives the same UIDs on every export so calendars update instead of duplicating', () => {
    const first = buildIcs({ appointments: [VISIT], dtstamp: DTSTAMP, uidDomain: 'clinic.example' });
    const second = buildIcs({
      appointments: [VISIT],
      dtstamp: new Date('2026-11-21T00:00:00Z'),
      uidDomain: 'clinic.example',
    });
    const uid = (text: string) => text.split('\r\n').find((line) => line.startsWith('UID:'));
    expect(uid(first)).toBe('UID:visit-1@clinic.example');
    expect(uid(second)).toBe(uid(first));
  });

  it('writes only the summary the caller passes, escaped', () => {
    const text = buildIcs({
      appointments: [
        {
          ...VISIT,
          summary: 'Visit, room 2; bring ID\\badge',
          location: 'Clinic\nFloor 3',
          description: 'Line 1\r\nLine 2',
        },
      ],
      dtstamp: DTSTAMP,
    });
    expect(text).toContain('SUMMARY:Visit\\, room 2\\; bring ID\\\\badge\r\n');
    expect(text).toContain('LOCATION:Clinic\\nFloor 3\r\n');
    expect(text).toContain('DESCRIPTION:Line 1\\nLine 2\r\n');
  });

  it('marks cancelled appointments and carries the sequence', () => {
    const text = buildIcs({ appointments: [{ ...VISIT, isCancelled: true, sequence: 2 }], dtstamp: DTSTAMP });
    expect(text).toContain('STATUS:CANCELLED\r\n');
    expect(text).toContain('SEQUENCE:2\r\n');
  });

  it('orders events by start time', () => {
    const later = { ...VISIT, id: 'visit-2', start: ny('2026-12-07', '09:00'), end: ny('2026-12-07', '10:40') };
    const text = buildIcs({ appointments: [later, VISIT], dtstamp: DTSTAMP, calendarName: 'My visits' });
    expect(text.indexOf('UID:visit-1@')).toBeLessThan(text.indexOf('UID:visit-2@'));
    expect(text).toContain('X-WR-CALNAME:My visits\r\n');
  });

  it('folds long lines at 75 octets and unfolds back to the original', () => {
    const description =
      'Please arrive 15 minutes early, bring a driver, and do not eat for 6 hours before the infusion. '.repeat(3);
    const text = buildIcs({ appointments: [{ ...VISIT, description }], dtstamp: DTSTAMP });
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(text)).toContain(`DESCRIPTION:${escapeIcsText(description)}\r\n`);
  });

  it('rejects appointments that end before they start and invalid dates', () => {
    expect(() => buildIcs({ appointments: [{ ...VISIT, end: VISIT.start }], dtstamp: DTSTAMP })).toThrow(RangeError);
    expect(() => buildIcs({ appointments: [VISIT], dtstamp: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('writes an empty calendar when there are no appointments', () => {
    expect(buildIcs({ appointments: [], dtstamp: DTSTAMP })).toBe(
      'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//TrialDesk//Appointments//EN\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n',
    );
  });
});

describe('foldIcsLine', () => {
  it('leaves a 75-octet line alone and folds a 76-octet line', () => {
    expect(foldIcsLine('A'.repeat(75))).toBe('A'.repeat(75));
    expect(foldIcsLine('A'.repeat(76))).toBe(`${'A'.repeat(75)}\r\n A`);
  });

  it('counts the leading space of continuation lines', () => {
    const folded = foldIcsLine('B'.repeat(75 + 74 + 1));
    expect(folded.split('\r\n').map(octets)).toEqual([75, 75, 2]);
  });

  it('never splits a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(60)}😀${'ü'.repeat(30)}`;
    const parts = foldIcsLine(line).split('\r\n');
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(parts.join('')).not.toContain('\uFFFD');
  });
});

describe('formatIcsUtc', () => {
  it('drops milliseconds and separators', () => {
    expect(formatIcsUtc(new Date('2026-12-03T14:00:00.999Z'))).toBe('20261203T140000Z');
  });
});
