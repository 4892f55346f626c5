/** Local date and time of a step, with its Safar day, for the time panel, popups and charts. */
import { minutesToLocalDate, minutesToLocalDateTime, safarDay, type TimeGrid } from '../../shared/index';
import { locale, t } from '../i18n/index';

/** Local-epoch minutes at the start of `step`. */
export function stepMinutes(grid: TimeGrid, step: number): number {
  return grid.startMinutes + step * grid.stepMinutes;
}

/** `YYYY-MM-DDTHH:mm` local time of a step. */
export function stepLocalTime(grid: TimeGrid, step: number): string {
  return minutesToLocalDateTime(stepMinutes(grid, step));
}

let dateFormat: Intl.DateTimeFormat | null = null;
let dateFormatTag = '';

/** "Thu 14 Aug 2025, 06:00" for local-epoch minutes (formatted as UTC: local wall time is what we hold). */
export function formatLocalDateTime(minutes: number): string {
  const tag = locale().tag;
  if (!dateFormat || dateFormatTag !== tag) {
    dateFormat = new Intl.DateTimeFormat(tag, {
      // Scenario dates are Gregorian in every language (Persian would default to Solar Hijri).
      calendar: 'gregory',
      timeZone: 'UTC',
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    dateFormatTag = tag;
  }
  return dateFormat.format(new Date(minutes * 60_000));
}

/** "20 Safar" or "outside Safar" for the date of local-epoch minutes. */
export function safarLabel(minutes: number, arbaeenDay: string): string {
  const day = safarDay(minutesToLocalDate(minutes), arbaeenDay);
  return day === undefined ? t('time.noSafar') : t('time.safarDay', { day: String(day) });
}

/** "UTC+3" / "UTC+3:30" for an offset in minutes. */
export function utcOffsetLabel(offsetMinutes: number): string {
  const sign = offsetMinutes >= 0 ? '+' : '−';
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `${sign}${h}${m ? `:${String(m).padStart(2, '0')}` : ''}`;
}
