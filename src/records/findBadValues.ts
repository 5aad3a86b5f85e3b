/**
 * Values that parse but cannot mean what they say: numbers that are not finite
 * (`1e400`, `.inf`, `.nan`: JSON and the cache would store them as null, so a
 * threshold or an expectation silently vanished), whole numbers beyond 2^53
 * (`9007199254740993` is read as ...992: a version or an id changed without a
 * word) and strings with the shape of
 * a date that name no day of the calendar (`2026-02-31`, which Date.parse rolls
 * into March). Runs on the parsed data of either YAML parser, so the answer does
 * not depend on which one read the file. Pure.
 */
import { pointerSegment } from './pointerSegment.js';
export interface BadValue {
  /** JSON pointer of the value. */
  pointer: string;
  code: 'non-finite-number' | 'inexact-integer' | 'impossible-date';
  message: string;
}

/** The shape the date schema accepts: month 01–12, day 01–31; whether that day exists is checked here. */
const DATE_SHAPE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]|$)/;

export function findBadValues(data: unknown): BadValue[] {
  const out: BadValue[] = [];
  // The path to the value being looked at; a pointer is only written for a value found bad (most files have none).
  const path: string[] = [];
  const pointer = (): string => path.map((seg) => `/${pointerSegment(seg)}`).join('');
  // Recursive: the parsers hand over data at most MAX_YAML_DEPTH (32) levels deep.
  const visit = (v: unknown): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) out.push({ pointer: pointer(), code: 'non-finite-number', message: Number.isNaN(v) ? 'not a number (.nan): it would be stored as null' : 'number out of range (beyond about ±1.8e308, a double): it would be stored as null' });
      else if (Number.isInteger(v) && !Number.isSafeInteger(v)) out.push({ pointer: pointer(), code: 'inexact-integer', message: `whole number beyond 2^53 (9007199254740991): it cannot be held exactly and would be read as ${v}` });
    } else if (typeof v === 'string') {
      // The fifth character is the date's first '-': anything else cannot be a date (and skips the regular expression).
      const m = v.charCodeAt(4) === 45 ? DATE_SHAPE.exec(v) : null;
      if (m && Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2]))) {
        out.push({ pointer: pointer(), code: 'impossible-date', message: `${m[1]}-${m[2]}-${m[3]} is not a day of the calendar (${monthName(Number(m[2]))} ${m[1]} has ${daysInMonth(Number(m[1]), Number(m[2]))} days)` });
      }
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(String(i));
        visit(v[i]);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        path.push(key);
        visit(o[key]);
        path.pop();
      }
    }
  };
  visit(data);
  return out;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function monthName(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1]!;
}
