/** Checks for the string `format`s we validate. Unknown formats are accepted, as JSON Schema says. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

function isCalendarDate(year: string, month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const y = Number(year);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= daysInMonth;
}

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isCalendarDate(match[1]!, match[2]!, match[3]!);
}

function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (match === null || !isCalendarDate(match[1]!, match[2]!, match[3]!)) return false;
  // Seconds may be 60 (leap second); offsets are at most 23:59.
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 60) return false;
  return match[7] === undefined || (Number(match[7]) <= 23 && Number(match[8]) <= 59);
}

export interface FormatSpec {
  readonly test: (value: string) => boolean;
  /** What is allowed, in words. */
  readonly allowed: string;
}

export const FORMATS: Readonly<Record<string, FormatSpec>> = {
  date: { test: isDate, allowed: 'a date as YYYY-MM-DD, e.g. 2025-03-31' },
  'date-time': {
    test: isDateTime,
    allowed: 'a date and time in ISO 8601 with a time zone, e.g. 2025-03-31T14:30:00Z',
  },
  email: { test: (value) => value.length <= 254 && EMAIL.test(value), allowed: 'an email address' },
  uuid: { test: (value) => UUID.test(value), allowed: 'a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000' },
};
