import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { loadBlindingViewer } from '@/lib/blinding/load-blinding-viewer';
import { redactAuditEvents } from '@/lib/blinding/redact-audit';
import { ROLE_LABELS, type Role } from '@/lib/auth/permissions';
import { prisma } from '@/lib/db';
import { addDaysToDate } from '@/lib/scheduling/local-date';
import { zonedTimeToUtc } from '@/lib/scheduling/zoned-time';
import { AUDIT_PAGE_SIZE, type AuditFilter } from '@/lib/validations/audit';
import { auditActionLabel, auditEntityTypeLabel } from './action-labels';
import { entityKey, labelAuditEntities } from './label-audit-entities';

export type AuditEventRow = {
  id: string;
  /** Stamped by the database clock (an INSERT trigger), not by the application. */
  createdAt: Date;
  actor: { id: string; name: string; email: string; role: Role; roleLabel: string } | null;
  actorLabel: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityTypeLabel: string;
  entityId: string | null;
  /** The record named for people ("Lastname, Firstname (MRN)", a trial's acronym, "Session 3 · 2026-11-02"); null when it no longer resolves. */
  entityLabel: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  reason: string | null;
  requestId: string | null;
  ipAddress: string | null;
};

export type AuditEventPage = {
  events: AuditEventRow[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** Every entity type in the trail, for the filter's select. */
  entityTypes: string[];
};

export function whereOf(filter: AuditFilter, timeZone: string): Prisma.AuditEventWhereInput {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.entityType) where.entityType = filter.entityType;
  if (filter.entityId) where.entityId = filter.entityId;
  if (filter.action) where.action = { startsWith: filter.action };
  if (filter.actor?.includes('@')) {
    const email = filter.actor.toLowerCase();
    where.OR = [{ actor: { email } }, { actorLabel: email }];
  } else if (filter.actor) {
    where.actorId = filter.actor;
  }
  // "From 3 March to 5 March" means whole clinic-local days, so the upper bound
  // is midnight at the start of the day after `to`, exclusive.
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: zonedTimeToUtc({ date: filter.from, time: '00:00', timeZone }) } : {}),
      ...(filter.to ? { lt: zonedTimeToUtc({ date: addDaysToDate(filter.to, 1), time: '00:00', timeZone }) } : {}),
    };
  }
  return where;
}

export const AUDIT_EVENT_SELECT = {
  id: true,
  seq: true,
  createdAt: true,
  actor: { select: { id: true, name: true, email: true, role: true } },
  actorLabel: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  reason: true,
  requestId: true,
  ipAddress: true,
} as const;

type SelectedEvent = Prisma.AuditEventGetPayload<{ select: typeof AUDIT_EVENT_SELECT }>;

/** What the viewer may see of these events: redacted for masked trials they are blinded to, with labels. */
export async function toAuditRows(options: {
  events: SelectedEvent[];
  redact: (events: SelectedEvent[]) => SelectedEvent[];
  timeZone: string;
}): Promise<AuditEventRow[]> {
  const { events, redact, timeZone } = options;
  const labels = await labelAuditEntities({ db: prisma, refs: events, timeZone });
  return redact(events).map(({ seq: _seq, actor, ...event }) => ({
    ...event,
    actor: actor ? { ...actor, roleLabel: ROLE_LABELS[actor.role] } : null,
    actionLabel: auditActionLabel(event.action),
    entityTypeLabel: auditEntityTypeLabel(event.entityType),
    entityLabel: event.entityId ? (labels.get(entityKey(event.entityType, event.entityId)) ?? null) : null,
  }));
}

/** The redaction for one viewer: masking is read once, applied to every batch. */
export async function loadAuditRedaction(viewerId: string): Promise<(events: SelectedEvent[]) => SelectedEvent[]> {
  const viewer = await loadBlindingViewer({ userId: viewerId, db: prisma });
  const trials = await prisma.trial.findMany({ select: { id: true, masking: true } });
  const maskingByTrial = new Map(trials.map((trial) => [trial.id, trial.masking]));
  return (events) => redactAuditEvents({ events, viewer, maskingByTrial });
}

/**
 * One page (50 rows) of the audit trail, newest first, with the total that matches. What
 * would unblind a masked trial is withheld from a viewer blinded to it (lib/blinding).
 */
export async function listAuditEvents({
  filter,
  timeZone,
  viewerId,
}: {
  filter: AuditFilter;
  timeZone: string;
  viewerId: string;
}): Promise<AuditEventPage> {
  const where = whereOf(filter, timeZone);
  const [events, total, types] = await prisma.$transaction([
    prisma.auditEvent.findMany({
      where,
      // seq breaks ties: several events of one transaction share the same now(), and seq is the order they were written.
      orderBy: [{ createdAt: 'desc' }, { seq: 'desc' }],
      skip: (filter.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: AUDIT_EVENT_SELECT,
    }),
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.groupBy({ by: ['entityType'], orderBy: { entityType: 'asc' } }),
  ]);
  const redact = await loadAuditRedaction(viewerId);
  return {
    events: await toAuditRows({ events, redact, timeZone }),
    total,
    page: filter.page,
    pageSize: AUDIT_PAGE_SIZE,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    entityTypes: types.map((t) => t.entityType),
  };
}
