import 'server-only';
import { prisma, type Db } from '@/lib/db';
import { drugRecordToday } from './clinic-day';
import { lotTotalUg } from './policy';
import { toLotDto, type LotDto } from './types';

/**
 * Every lot with its balance on hand, soonest expiry first; `usable` keeps lots that
 * hold drug and have not expired (the ones a dose can be drawn from).
 */
export async function listLots(options: { include?: 'usable' | 'all'; db?: Db } = {}): Promise<LotDto[]> {
  const db = options.db ?? prisma;
  const today = await drugRecordToday({ db });
  const rows = await db.drugLot.findMany({
    orderBy: [{ expiresOn: 'asc' }, { lotNumber: 'asc' }],
    include: { receivedBy: { select: { id: true, name: true } } },
  });
  const lots = rows.map((row) =>
    toLotDto(row, {
      receivedUg: lotTotalUg({
        concentrationMgPerMl: Number(row.concentrationMgPerMl),
        vialVolumeMl: Number(row.vialVolumeMl),
        vialsReceived: row.vialsReceived,
      }),
      today,
    }),
  );
  return options.include === 'usable' ? lots.filter((lot) => !lot.isExpired && lot.onHandMg > 0) : lots;
}
