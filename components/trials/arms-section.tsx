import { Badge } from '@/components/ui/badge';
import { CardBody } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import type { TrialArmDto } from '@/lib/trials/types';
import { BLINDED_ARM_LABEL } from '@/lib/blinding/policy';
import { ConfirmDosingButton } from './confirm-dosing-button';
import { describeDosing } from '@/lib/dosing/describe-dosing';
import { DosingSummary } from './dosing-summary';
import { ARM_TYPE_LABELS, INTERVENTION_TYPE_LABELS } from './labels';
import { Section, type SectionProps } from './section-frame';

function ArmCard({ trial, arm, canEdit }: Omit<SectionProps, 'timeZone'> & { arm: TrialArmDto }) {
  const headingId = `arm-${arm.id}-heading`;
  const interventions = trial.interventions.filter((item) => item.armIds.includes(arm.id));
  const canConfirm =
    canEdit && trial.isCurrentVersion && arm.dosingStatus === 'suggested' && arm.suggestedDosing !== null;
  return (
    <article aria-labelledby={headingId} className="rounded-lg border border-slate-200 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {arm.label}
        </h3>
        <Badge tone={arm.type === 'EXPERIMENTAL' ? 'brand' : 'neutral'}>{ARM_TYPE_LABELS[arm.type]}</Badge>
      </div>
      <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
        <div className="flex gap-1.5">
          <dt className="text-slate-600">Allocation weight</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{arm.allocationWeight}</dd>
        </div>
        <div className="flex gap-1.5">
          <dt className="text-slate-600">Enrolled</dt>
          <dd className="font-medium text-slate-900 tabular-nums">{arm.enrollmentCount ?? BLINDED_ARM_LABEL}</dd>
        </div>
      </dl>
      {arm.description ? (
        <p className="mt-2 max-w-3xl text-sm whitespace-pre-line text-slate-800">{arm.description}</p>
      ) : null}
      {interventions.length > 0 ? (
        <div className="mt-3">
          <h4 className="text-sm font-semibold text-slate-900">Interventions</h4>
          <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-800">
            {interventions.map((item) => (
              <li key={item.id}>
                <span className="font-medium text-slate-900">{item.name}</span>{' '}
                <span className="text-slate-600">({INTERVENTION_TYPE_LABELS[item.type]})</span>
                {item.description ? <span className="block text-slate-700">{item.description}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-4 border-t border-slate-100 pt-3">
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <h4 className="text-sm font-semibold text-slate-900">Dosing protocol</h4>
          {arm.dosingStatus === 'confirmed' ? <Badge tone="success">Confirmed</Badge> : null}
          {arm.dosingStatus === 'suggested' ? <Badge tone="warning">Suggested — not yet confirmed</Badge> : null}
          {arm.openAssumptions.blockingDose > 0 ? (
            <Badge tone="danger">
              No dose until {arm.openAssumptions.blockingDose} assumed{' '}
              {arm.openAssumptions.blockingDose === 1 ? 'value is' : 'values are'} confirmed
            </Badge>
          ) : null}
          {arm.openAssumptions.blockingDose + arm.openAssumptions.listed > 0 ? (
            <a href="#assumptions" className="text-sm font-medium text-brand-700 underline underline-offset-2">
              See assumptions
            </a>
          ) : null}
        </div>
        {arm.dosing ? (
          <>
            {arm.dosingStatus === 'suggested' ? (
              <p className="mb-2 text-sm text-slate-700">
                Read from the registry text by the importer. Doses are not calculated from it until an admin confirms
                it.
              </p>
            ) : null}
            <DosingSummary protocol={arm.dosing} />
            {canConfirm && arm.suggestedDosing ? (
              <div className="mt-3">
                <ConfirmDosingButton
                  trialId={trial.id}
                  armId={arm.id}
                  armLabel={arm.label}
                  dosingText={describeDosing(arm.suggestedDosing)}
                  hasScreenings={trial.hasScreenings}
                />
              </div>
            ) : null}
          </>
        ) : (
          <p className="text-sm text-slate-700">No dosing protocol recorded for this arm.</p>
        )}
      </div>
    </article>
  );
}

export function ArmsSection({ trial, canEdit }: SectionProps) {
  const unlinked = trial.interventions.filter((item) => item.armIds.length === 0);
  return (
    <Section
      id="arms"
      title="Arms and dosing"
      description={`Dosing of protocol version ${trial.protocolVersion.number}.`}
    >
      <CardBody className="flex flex-col gap-4">
        {trial.arms.length === 0 ? (
          <EmptyState title="No arms recorded" description={canEdit ? 'Add the arms on the edit page.' : undefined} />
        ) : (
          trial.arms.map((arm) => <ArmCard key={arm.id} trial={trial} arm={arm} canEdit={canEdit} />)
        )}
        {unlinked.length > 0 ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">Interventions not linked to an arm</h3>
            <ul className="mt-1 flex flex-col gap-1 text-sm text-slate-800">
              {unlinked.map((item) => (
                <li key={item.id}>
                  <span className="font-medium text-slate-900">{item.name}</span>{' '}
                  <span className="text-slate-600">({INTERVENTION_TYPE_LABELS[item.type]})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardBody>
    </Section>
  );
}

// ---------------------------------------------------------------- eligibility criteria

/** Key-order-insensitive JSON, so the same rule from two sources compares equal. */
