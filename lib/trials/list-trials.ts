import 'server-only';
import { prisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TrialListQuery, TrialSortField } from '@/lib/validations/trials';
import type { TrialListResult } from './types';

type Dir = 'asc' | 'desc';

function orderBy(sort: TrialSortField, dir: Dir): Prisma.TrialOrderByWithRelationInput[] {
  // The id breaks ties so pages never repeat or skip a trial.
  switch (sort) {
    case 'title':
      return [{ title: dir }, { id: 'asc' }];
    case 'nctId':
      return [{ nctId: { sort: dir, nulls: 'last' } }, { title: 'asc' }, { id: 'asc' }];
    case 'status':
      return [{ overallStatus: dir }, { title: 'asc' }, { id: 'asc' }];
    case 'enrollment':
      return [
        { enrollments: { _count: dir } },
        { targetEnrollment: { sort: dir, nulls: 'last' } },
        { title: 'asc' },
        { id: 'asc' },
      ];
    case 'updatedAt':
      return [{ updatedAt: dir }, { id: 'asc' }];
  }
}

/**
 * One page of trials for the list and GET /api/v1/trials. `q` matches the NCT id,
 * title, short title, acronym or local protocol number (case-insensitive, any
 * part); `status` and `phase` filter. Newest-changed first unless sorted.
 */
export async function listTrials(query: TrialListQuery): Promise<TrialListResult> {
  const { page, pageSize, sort } = query;
  const dir: Dir = query.dir ?? (sort === 'updatedAt' ? 'desc' : 'asc');
  const term = query.q?.trim();
  const where: Prisma.TrialWhereInput = {
    ...(term
      ? {
          OR: [
            { nctId: { contains: term, mode: 'insensitive' } },
            { title: { contains: term, mode: 'insensitive' } },
            { shortTitle: { contains: term, mode: 'insensitive' } },
            { acronym: { contains: term, mode: 'insensitive' } },
            { protocolNumber: { contains: term, mode: 'insensitive' } },
          ],
        }
      : {}),
    ...(query.status ? { overallStatus: query.status } : {}),
    ...(query.phase ? { phases: { has: query.phase } } : {}),
  };
  const [total, rows] = await prisma.$transaction([
    prisma.trial.count({ where }),
    prisma.trial.findMany({
      where,
      orderBy: orderBy(sort, dir),
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        nctId: true,
        title: true,
        shortTitle: true,
        phases: true,
        overallStatus: true,
        studyType: true,
        leadSponsor: true,
        conditions: true,
        targetEnrollment: true,
        updatedAt: true,
        _count: { select: { enrollments: true, pipelineEntries: true } },
      },
    }),
  ]);
  return {
    items: rows.map((row) => ({
      id: row.id,
      nctId: row.nctId,
      title: row.title,
      shortTitle: row.shortTitle,
      phases: row.phases,
      status: row.overallStatus,
      studyType: row.studyType,
      leadSponsor: row.leadSponsor,
      conditions: row.conditions,
      targetEnrollment: row.targetEnrollment,
      enrolledCount: row._count.enrollments,
      pipelineCount: row._count.pipelineEntries,
      updatedAt: row.updatedAt.toISOString(),
    })),
    total,
    page,
    pageSize,
  };
}
