// RFC 5545 calendar text for a participant's appointments. The caller decides what the
// SUMMARY says: nothing here adds names, trial codes or arm labels.

export type IcsAppointment = {
  /** Stable id of the visit; the UID is derived from it so re-exports update instead of duplicating. */
  id: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  /** Raise on every change so calendar apps replace the earlier copy. */
  sequence?: number;
  isCancelled?: boolean;
};

export type BuildIcsInput = {
  appointments: readonly IcsAppointment[];
  /** The DTSTAMP of every event (when the file was generated). */
  dtstamp: Date;
  uidDomain?: string;
  calendarName?: string;
  productId?: string;
};

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1) without splitting a UTF-8 character. */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** UTC DATE-TIME form: 20261203T140000Z. */
export function formatIcsUtc(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date in calendar export');
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function eventLines(appointment: IcsAppointment, options: { stamp: string; uidDomain: string }): string[] {
  if (appointment.end.getTime() <= appointment.start.getTime()) {
    throw new RangeError(`Appointment ${appointment.id} must end after it starts`);
  }
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeIcsText(`${appointment.id}@${options.uidDomain}`)}`,
    `DTSTAMP:${options.stamp}`,
    `DTSTART:${formatIcsUtc(appointment.start)}`,
    `DTEND:${formatIcsUtc(appointment.end)}`,
    `SEQUENCE:${appointment.sequence ?? 0}`,
    `STATUS:${appointment.isCancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeIcsText(appointment.summary)}`,
  ];
  if (appointment.location) lines.push(`LOCATION:${escapeIcsText(appointment.location)}`);
  if (appointment.description) lines.push(`DESCRIPTION:${escapeIcsText(appointment.description)}`);
  lines.push('END:VEVENT');
  return lines;
}

export function buildIcs(input: BuildIcsInput): string {
  const {
    appointments,
    dtstamp,
    uidDomain = 'trialdesk.local',
    calendarName,
    productId = '-//TrialDesk//Appointments//EN',
  } = input;
  const stamp = formatIcsUtc(dtstamp);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${productId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (calendarName) lines.push(`X-WR-CALNAME:${escapeIcsText(calendarName)}`);
  const sorted = [...appointments].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
  for (const appointment of sorted) lines.push(...eventLines(appointment, { stamp, uidDomain }));
  lines.push('END:VCALENDAR');
  return lines.map(foldIcsLine).join(CRLF) + CRLF;
}
