/**
 * Values that parse but cannot mean what they say: numbers that are not finite
 * (`1e400`, `.inf`, `.nan`: JSON and the cache would store them as null, so a
 * threshold or an expectation silently vanished) and strings with the shape of
 * a date that name no day of the calendar (`2026-02-31`, which Date.parse rolls
 * into March). Runs on the parsed data of either YAML parser, so the answer does
 * not depend on which one read the file. Pure.
 */
export interface BadValue {
  /** JSON pointer of the value. */
  pointer: string;
  code: 'non-finite-number' | 'impossible-date';
  message: string;
}

/** The shape the date schema accepts: month 01–12, day 01–31; whether that day exists is checked here. */
const DATE_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]|$)/;

export function findBadValues(data: unknown): BadValue[] {
  const out: BadValue[] = [];
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0) {
    const [v, pointer] = stack.pop()!;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push({ pointer, code: 'non-finite-number', message: Number.isNaN(v) ? 'not a number (.nan): it would be stored as null' : 'number out of range (beyond about ±1.8e308, a double): it would be stored as null' });
    } else if (typeof v === 'string') {
      const m = DATE_SHAPE.exec(v);
      if (m && Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
        out.push({ pointer, code: 'impossible-date', message: `${m[1]}-${m[2]}-${m[3]} is not a day of the calendar (${monthName(Number(m[2]))} ${m[1]} has ${daysInMonth(Number(m[1]), Number(m[2]))} days)` });
      }
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], `${pointer}/${i}`]);
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${pointer}/${escape(entries[i]![0])}`]);
    }
  }
  return out;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]!;
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
