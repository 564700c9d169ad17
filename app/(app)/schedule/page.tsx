import type { Metadata } from 'next';
import { clinicTodayIn, openDatesOfWeek, resolveDay, resolveWeekStart } from '@/components/schedule/calendar-dates';
import { DayList } from '@/components/schedule/day-list';
import { loadCalendar } from '@/components/schedule/load-calendar';
import { PrintButton } from '@/components/schedule/print-button';
import { ScheduleTabs } from '@/components/schedule/schedule-tabs';
import { WeekView } from '@/components/schedule/week-view';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { requirePageUser } from '@/lib/auth/require-page-user';
import { getClinicSettings } from '@/lib/clinic/get-clinic-settings';
import { isAppError } from '@/lib/errors/app-error';
import { addDaysToDate, formatDayLabel, isoWeekStartOfDate } from '@/lib/scheduling/local-date';

export const metadata: Metadata = { title: 'Schedule' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SchedulePage({ searchParams }: Props) {
  await requirePageUser('schedule.read');
  const params = await searchParams;
  let settings;
  try {
    settings = await getClinicSettings();
  } catch (error) {
    if (isAppError(error) && error.code === 'CONFLICT') {
      return (
        <>
          <PageHeader title="Schedule" />
          <Alert tone="warning" title="The clinic has no opening hours yet">
            An admin sets the clinic&apos;s hours and chairs under Admin → Clinic before visits can be booked.
          </Alert>
        </>
      );
    }
    throw error;
  }
  const today = clinicTodayIn(settings.timeZone);
  const rawDay = single(params.day);
  const view = rawDay ? 'day' : 'week';

  if (view === 'day') {
    const day = resolveDay(rawDay, today);
    const { calendar, visits } = await loadCalendar(day, day);
    const closedReason = calendar.closures.find((closure) => closure.date === day)?.reason ?? null;
    return (
      <>
        <PageHeader
          title="Schedule"
          description={`Day list for ${formatDayLabel(day)}, clinic time (${settings.timeZone}).`}
          actions={
            <div className="no-print flex flex-wrap gap-2">
              <LinkButton href={`/schedule?day=${addDaysToDate(day, -1)}`} aria-label="Previous day">
                ← Previous day
              </LinkButton>
              <LinkButton href={`/schedule?day=${today}`}>Today</LinkButton>
              <LinkButton href={`/schedule?day=${addDaysToDate(day, 1)}`} aria-label="Next day">
                Next day →
              </LinkButton>
              <PrintButton />
            </div>
          }
        />
        <ScheduleTabs
          view="day"
          weekHref={`/schedule?week=${isoWeekStartOfDate(day)}`}
          dayHref={`/schedule?day=${day}`}
        />
        <DayList
          date={day}
          visits={visits}
          chairs={calendar.chairs}
          timeZone={calendar.timeZone}
          closedReason={closedReason}
        />
      </>
    );
  }

  const monday = resolveWeekStart(single(params.week), today);
  const dates = openDatesOfWeek(monday, settings.openDays);
  const { calendar, visits } = await loadCalendar(monday, addDaysToDate(monday, 6));
  const weekClosures = calendar.closures.filter((closure) => dates.includes(closure.date));
  const chairs = calendar.chairs.filter(
    (chair) => chair.isActive || visits.some((visit) => visit.chairId === chair.id),
  );
  const thisWeek = isoWeekStartOfDate(today);

  return (
    <>
      <PageHeader
        title="Schedule"
        description={`Week of ${formatDayLabel(monday)}, clinic time (${settings.timeZone}), ${settings.openTime}–${settings.closeTime}.`}
        actions={
          <div className="no-print flex flex-wrap gap-2">
            <LinkButton href={`/schedule?week=${addDaysToDate(monday, -7)}`}>← Previous week</LinkButton>
            <LinkButton href={`/schedule?week=${thisWeek}`} aria-current={monday === thisWeek ? 'page' : undefined}>
              This week
            </LinkButton>
            <LinkButton href={`/schedule?week=${addDaysToDate(monday, 7)}`}>Next week →</LinkButton>
            <PrintButton />
          </div>
        }
      />
      <ScheduleTabs
        view="week"
        weekHref={`/schedule?week=${monday}`}
        dayHref={`/schedule?day=${dates.includes(today) ? today : (dates[0] ?? monday)}`}
      />
      {weekClosures.length > 0 ? (
        <Alert tone="warning" live="none" className="mb-4">
          <ul>
            {weekClosures.map((closure) => (
              <li key={closure.date}>
                {formatDayLabel(closure.date)}: Closed — {closure.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <WeekView
        dates={dates}
        chairs={chairs}
        visits={visits}
        closures={weekClosures}
        timeZone={calendar.timeZone}
        today={today}
      />
    </>
  );
}
