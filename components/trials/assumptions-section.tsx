import { Badge, type BadgeTone } from '@/components/ui/badge';
import { CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { AssumptionEffect } from '@/lib/provenance/list-assumptions';
import { ConfirmAssumptionButton } from './confirm-assumption-button';
import { formatInstant } from './format';
import { Section, type SectionProps } from './section-frame';

const EFFECTS: Record<AssumptionEffect, { label: string; tone: BadgeTone }> = {
  BLOCKS_DOSE: { label: 'Blocks the dose until confirmed', tone: 'danger' },
  CLINICIAN_JUDGMENT: { label: 'Clinician judgment until confirmed', tone: 'warning' },
  LISTED: { label: 'Used as is; check it', tone: 'neutral' },
};

/** Every value the source does not state, what it does until an admin confirms it, and who confirmed it. */
export function AssumptionsSection({ trial, canEdit, timeZone }: SectionProps) {
  const open = trial.assumptions.filter((item) => item.confirmedAt === null).length;
  return (
    <Section
      id="assumptions"
      title="Assumptions"
      description={
        <>
          Values the trial&apos;s source does not state, written down by the clinic.{' '}
          {open === 0 ? 'All are confirmed.' : `${open} not yet confirmed.`} Confirming changes no value and is audited.
        </>
      }
    >
      {trial.assumptions.length === 0 ? (
        <CardBody>
          <EmptyState title="No assumptions" description="Every recorded value is quoted from the source." />
        </CardBody>
      ) : (
        <ul className="divide-y divide-slate-100">
          {trial.assumptions.map((item) => {
            const effect = EFFECTS[item.effect];
            return (
              <li
                key={`${item.target}:${item.rowId}:${item.field}`}
                className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between"
              >
                <div className="flex flex-col gap-1">
                  <p className="text-sm font-medium text-slate-900">{item.subject}</p>
                  <p className="text-sm text-slate-700">{item.note}</p>
                  <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                    {item.confirmedAt ? (
                      <Badge tone="success">
                        Confirmed by {item.confirmedByName ?? 'an admin'} {formatInstant(item.confirmedAt, timeZone)}
                      </Badge>
                    ) : (
                      <Badge tone={effect.tone}>{effect.label}</Badge>
                    )}
                  </p>
                </div>
                {canEdit && trial.isCurrentVersion && item.confirmedAt === null && item.target !== 'TRIAL' ? (
                  <ConfirmAssumptionButton
                    trialId={trial.id}
                    target={item.target}
                    rowId={item.rowId}
                    field={item.field}
                    subject={item.subject}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
