/** Turns an ajv error into a finding code, a message for people, and where to point. Pure. */
import { pointerSegment } from './pointerSegment.js';
import type { ErrorObject } from 'ajv';
import { didYouMean } from './didYouMean.js';
import type { FindingCode } from './hints.js';

export interface Described {
  code: FindingCode;
  message: string;
  pointer: string;
  atKey: boolean;
  /** What to write instead, where the error says enough to tell (else the code's hint). */
  fix?: string;
}

/** `top`: what the whole record is called where the error is at its top (a Markdown record's front matter, a policy file's top level). */
export function describeSchemaError(e: ErrorObject, top = 'front matter'): Described {
  const where = e.instancePath === '' ? top : `'${e.instancePath.slice(1).replace(/\//g, '.')}'`;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'propertyNames':
      return { code: 'schema', message: `key '${String(p.propertyName)}' in ${where} is not allowed: keys use letters, digits, '.', '_', '/' and '-'`, pointer: `${e.instancePath}/${pointerSegment(String(p.propertyName))}`, atKey: true };
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const near = didYouMean(key, allowedKeys(e), 2);
      return { code: 'unknown-key', message: `unknown key '${key}' in ${where}${near === undefined ? '' : `; did you mean '${near}'?`}`, pointer: `${e.instancePath}/${pointerSegment(key)}`, atKey: true };
    }
    case 'required':
      return { code: 'missing-key', message: `missing required key '${String(p.missingProperty)}' in ${where}`, pointer: e.instancePath, atKey: true };
    case 'enum':
      return { code: 'schema', message: `${where} must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`, pointer: e.instancePath, atKey: false, fix: `write one of the values listed${nearValue(e, p.allowedValues as unknown[])}` };
    case 'const':
      return { code: 'schema', message: `${where} must be ${JSON.stringify(p.allowedValue)}`, pointer: e.instancePath, atKey: false };
    case 'type':
      return { code: 'schema', message: `${where} must be ${String(p.type).replace(/,/g, ' or ')}`, pointer: e.instancePath, atKey: false, ...typeFix(e, String(p.type)) };
    case 'maxProperties':
    case 'minProperties': {
      const keys = allowedKeys(e);
      const one = Number(p.limit) === 1;
      const message = one && e.keyword === 'maxProperties' ? `${where} takes one key, not several` : one ? `${where} needs a key` : `${where} ${e.message ?? 'has the wrong number of keys'}`;
      return { code: 'schema', message, pointer: e.instancePath, atKey: false, ...(keys.length > 0 ? { fix: `give ${one ? 'exactly one' : 'the keys'} of: ${keys.join(', ')}` } : {}) };
    }
    case 'pattern':
      return { code: 'schema', message: `${where} has an invalid value: ${patternMeaning(String(p.pattern))}`, pointer: e.instancePath, atKey: false };
    default:
      return { code: 'schema', message: `${where} ${e.message ?? 'is invalid'}`, pointer: e.instancePath, atKey: false };
  }
}

/** How to write a value of the type expected, from the value given (ajv's verbose errors carry it as `data`). */
function typeFix(e: ErrorObject, expected: string): { fix?: string } {
  const key = e.instancePath.slice(e.instancePath.lastIndexOf('/') + 1) || 'the value';
  const given = (e as { data?: unknown }).data;
  const types = expected.split(',');
  const pattern = (e.parentSchema as { pattern?: unknown } | undefined)?.pattern;
  // A string of a given form (a duration, a date): quoting the number would not make it one.
  if (types.includes('string') && typeof pattern === 'string' && typeof given !== 'string') return { fix: `write ${patternMeaning(pattern).replace(/^expected /, '')}` };
  if (types.includes('string') && (typeof given === 'number' || typeof given === 'boolean')) return { fix: `quote it to make it text: ${key}: "${String(given)}"` };
  if ((types.includes('integer') || types.includes('number')) && typeof given === 'string') return { fix: `write a plain number, without quotes or units` };
  if (types.includes('boolean')) return { fix: `write true or false (YAML reads yes, no, on and off as text)` };
  if (types.includes('array')) return { fix: `write a list: ${key}: [a, b], or one '- item' per line under ${key}:` };
  if (types.includes('object')) return { fix: `write a mapping: 'key: value' lines indented under ${key}:` };
  return {};
}

/** "; did you mean 'x'?" for an enum value near one allowed. */
function nearValue(e: ErrorObject, allowed: unknown[]): string {
  const given = (e as { data?: unknown }).data;
  if (typeof given !== 'string') return '';
  const near = didYouMean(given, allowed.filter((a): a is string => typeof a === 'string'), 2);
  return near === undefined ? '' : ` (did you mean '${near}'?)`;
}

/** The keys the object's schema allows (ajv's `verbose` errors carry the schema: scripts/compile-schemas.ts). */
function allowedKeys(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: unknown } | undefined)?.properties;
  return props !== null && typeof props === 'object' ? Object.keys(props) : [];
}

function patternMeaning(pattern: string): string {
  if (pattern.startsWith('^[A-Za-z0-9](?:')) return "an id uses letters, digits, '.', '_' and '-', with no '/' or '..'";
  if (pattern.startsWith('^\\d{4}-')) return 'expected an ISO date like 2026-07-03 or 2026-07-03T10:00:00Z';
  if (pattern.includes('ms|s|m|h|d')) return 'expected a duration like 30s, 5m, 2h or 7d';
  if (pattern.startsWith('^sha256:')) return "expected 'sha256:' followed by 64 lowercase hex digits";
  if (pattern.startsWith('^https?://')) return 'expected an http:// or https:// URL';
  return `must match ${pattern}`;
}
