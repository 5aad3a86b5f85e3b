/**
 * Compiled JSON Schema validators for every record kind, with the references
 * each record makes (schema keyword `x-ref`) collected while validating.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ErrorObject, type ValidateFunction } from 'ajv';

const Ajv = AjvModule.default ?? AjvModule;

/** The schemas shipped with fleethub: the contract this version validates against. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../../schemas/', import.meta.url));

export interface Reference {
  kind: string;
  id: string;
  /** JSON pointer of the referring value. */
  pointer: string;
}

export interface ShapeResult {
  valid: boolean;
  errors: ErrorObject[];
  refs: Reference[];
}

export type ShapeValidator = (data: unknown) => ShapeResult;

export interface Validators {
  forSchema(name: string): ShapeValidator;
  names: string[];
}

export type SchemaSet = Record<string, object>;

/** I/O: reads every `*.schema.json` of a directory. */
export function readSchemas(dir = SCHEMA_DIR): SchemaSet {
  const out: SchemaSet = {};
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.schema.json')) out[f.slice(0, -'.schema.json'.length)] = JSON.parse(readFileSync(join(dir, f), 'utf8')) as object;
  }
  return out;
}

export function createValidators(schemas: SchemaSet): Validators {
  let collected: Reference[] = [];
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: false });
  ajv.addKeyword({
    keyword: 'x-ref',
    schemaType: 'string',
    errors: false,
    validate: (kind: string, data: unknown, _parent: unknown, cxt?: { instancePath: string }) => {
      if (typeof data === 'string') collected.push({ kind, id: data, pointer: cxt?.instancePath ?? '' });
      return true;
    },
  });
  for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, `${name}.schema.json`);
  const compiled = new Map<string, ValidateFunction>();
  return {
    names: Object.keys(schemas),
    forSchema(name) {
      let fn = compiled.get(name);
      if (!fn) {
        fn = ajv.getSchema(`${name}.schema.json`);
        if (!fn) throw new Error(`no schema named ${name}`);
        compiled.set(name, fn);
      }
      const validate = fn;
      return (data) => {
        collected = [];
        const valid = validate(data) as boolean;
        const refs = collected;
        collected = [];
        return { valid, errors: valid ? [] : [...(validate.errors ?? [])], refs };
      };
    },
  };
}
