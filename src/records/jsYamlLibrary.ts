/**
 * js-yaml, loaded on first use (~0.06 s to load): a command whose cache is
 * fresh parses no YAML and does not pay for it.
 */
import { createRequire } from 'node:module';
import type JsYaml from 'js-yaml';

let loaded: typeof JsYaml | undefined;

export function jsYamlLibrary(): typeof JsYaml {
  return (loaded ??= createRequire(import.meta.url)('js-yaml') as typeof JsYaml);
}
