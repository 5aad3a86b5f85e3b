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
}

export function describeSchemaError(e: ErrorObject): Described {
  const where = e.instancePath === '' ? 'front matter' : `'${e.instancePath.slice(1).replace(/\//g, '.')}'`;
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
      return { code: 'schema', message: `${where} must be one of: ${(p.allowedValues as unknown[]).map(String).join(', ')}`, pointer: e.instancePath, atKey: false };
    case 'const':
      return { code: 'schema', message: `${where} must be ${JSON.stringify(p.allowedValue)}`, pointer: e.instancePath, atKey: false };
    case 'type':
      return { code: 'schema', message: `${where} must be ${String(p.type).replace(/,/g, ' or ')}`, pointer: e.instancePath, atKey: false };
    case 'pattern':
      return { code: 'schema', message: `${where} has an invalid value: ${patternMeaning(String(p.pattern))}`, pointer: e.instancePath, atKey: false };
    default:
      return { code: 'schema', message: `${where} ${e.message ?? 'is invalid'}`, pointer: e.instancePath, atKey: false };
  }
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
