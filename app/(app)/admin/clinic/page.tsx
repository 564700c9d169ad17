import type { Metadata } from 'next';
import { ClinicChairs } from '@/components/infusions/lazy-forms';
import { ClinicClosures } from '@/components/infusions/lazy-forms';
import { ClinicSettingsForm } from '@/components/infusions/lazy-forms';
import { Alert } from '@/components/ui/alert';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { isAppError } from '@/lib/errors/app-error';
import { DEFAULT_HOLD_RULE } from '@/lib/infusions/get-hold-state';
import { DEMO_CLINIC_SETTINGS } from '@/lib/scheduling/demo-clinic';

export const metadata: Metadata = { title: 'Clinic' };

async function loadSettings() {
  try {
    return { settings: await getClinicSettings(), missing: false };
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') return { settings: null, missing: true };
    throw error;
  }
}

export default async function ClinicAdminPage() {
  await requirePageUser('clinic.manage');
  const { settings, missing } = await loadSettings();
  const defaults = settings ?? { ...DEMO_CLINIC_SETTINGS, ...DEFAULT_HOLD_RULE };
  const closures = settings
    ? settings.closures.map((closure) => ({ id: settings.closureIds[closure.date], ...closure }))
    : [];

  return (
    <>
      <PageHeader
        title="Clinic"
        description="Opening hours, chairs and closures used to book infusion visits, and the blood-pressure hold rule used on infusion day."
      />
      {missing ? (
        <Alert tone="warning" className="mb-6" title="The clinic has no settings yet">
          Save the settings below to open the clinic for booking.
        </Alert>
      ) : null}
      <div className="flex flex-col gap-6">
        <Card aria-labelledby="hours-heading">
          <CardHeader titleId="hours-heading" title="Hours and rules" />
          <CardBody>
            <ClinicSettingsForm
              defaults={{
                timeZone: defaults.timeZone,
                openDays: defaults.openDays,
                openTime: defaults.openTime,
                closeTime: defaults.closeTime,
                slotMinutes: defaults.slotMinutes,
                monitoringMinutes: defaults.monitoringMinutes,
                holdSbpAbove: defaults.holdSbpAbove,
                holdDbpAbove: defaults.holdDbpAbove,
              }}
            />
          </CardBody>
        </Card>
        {settings ? (
          <>
            <Card aria-labelledby="closures-heading">
              <CardHeader
                titleId="closures-heading"
                title="Closures"
                description="Days the clinic is closed. Booked visits on a new closure day stay booked until a coordinator moves them."
              />
              <CardBody>
                <ClinicClosures closures={closures} />
              </CardBody>
            </Card>
            <Card aria-labelledby="chairs-heading">
              <CardHeader
                titleId="chairs-heading"
                title="Infusion chairs"
                description="Only chairs in service are offered for booking."
              />
              <CardBody>
                <ClinicChairs chairs={settings.chairs} />
              </CardBody>
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
