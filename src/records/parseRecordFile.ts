/**
 * One fleet file's bytes to its records, references and problems. Pure: the
 * caller reads the file; the same bytes always give the same result. Runs in
 * worker threads during cold rebuilds.
 */
import { decodeText } from './decodeText.js';
import { describeSchemaError } from './describeSchemaError.js';
import { findBadValues } from './findBadValues.js';
import type { Finding, Severity } from './finding.js';
import { hintFor, type FindingCode } from './hints.js';
import { ID_PATTERN, idFromPath, POLICY_KINDS, SINGLETON_POLICY_FILES, type PolicyKind, type RecordKind } from './kinds.js';
import { createLocator, type Locator } from './locate.js';
import { didYouMean } from './didYouMean.js';
import { parseTasks, splitList, type ParsedTask, type TaskField } from './parseTasks.js';
import { parseYaml } from './parseYaml.js';
import { splitFrontMatter } from './splitFrontMatter.js';
import type { Validators } from './validators.js';

export interface RecordRow {
  kind: string;
  id: string;
  title: string | null;
  line: number;
  col: number;
  /** `kind:id` of the record this one lives in (a task's workplan, a check's policy). */
  parent: string | null;
  data: Record<string, unknown>;
}

export interface EdgeRow {
  srcKind: string;
  srcId: string;
  rel: string;
  dstKind: string;
  dstId: string;
  ord: number;
  /** JSON pointer into the front matter, or '' for references in a Markdown body. */
  pointer: string;
  /** Known for references in a Markdown body; front matter positions are found on demand. */
  line: number | null;
  col: number | null;
}

export interface ParsedFile {
  path: string;
  kind: RecordKind;
  /** The id the file name declares. */
  id: string;
  /** The file's own record first, then records inside it; empty when the file has a hard error. */
  records: RecordRow[];
  edges: EdgeRow[];
  findings: Finding[];
}

export function parseRecordFile(path: string, kind: RecordKind, bytes: Uint8Array, validators: Validators): ParsedFile {
  const id = idFromPath(path);
  const out: ParsedFile = { path, kind, id, records: [], edges: [], findings: [] };
  const report: Report = (severity, code, message, line, col, more = {}) => {
    out.findings.push({ file: path, line, col, severity, code, message, hint: more.hint ?? hintFor(code), kind: more.kind ?? kind, id: more.id ?? id });
  };

  if (!ID_PATTERN.test(id) || id.length > 128) {
    report('error', 'invalid-id', `file name '${path.slice(path.lastIndexOf('/') + 1)}' does not make a valid id`, 1, 1);
    return out;
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    report('error', decoded.code, decoded.message, decoded.line, decoded.col);
    return out;
  }
  let yamlText = decoded.text;
  let yamlLine = 1;
  let body = '';
  let bodyLine = 1;
  if (kind !== 'policy') {
    const split = splitFrontMatter(decoded.text);
    if (!split.ok) {
      report('error', split.code, split.message, split.line, split.col);
      return out;
    }
    ({ yaml: yamlText, yamlLine, body, bodyLine } = split);
  }
  const parsed = parseYaml(yamlText, yamlLine);
  if (!parsed.ok) {
    report('error', parsed.code, parsed.message, parsed.line, parsed.col);
    return out;
  }
  const data = parsed.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    report('error', 'frontmatter-not-mapping', `${kind === 'policy' ? 'policy file' : 'front matter'} must be a mapping of keys to values, not ${describeValue(data)}`, yamlLine, 1);
    return out;
  }
  const fields = data as Record<string, unknown>;
  const locate: Locator = createLocator(yamlText, yamlLine);

  let schemaName: string = kind;
  if (kind === 'policy') {
    const pk = fields.kind;
    if (typeof pk !== 'string' || !(POLICY_KINDS as readonly string[]).includes(pk)) {
      const at = locate('/kind', pk === undefined);
      report('error', 'unknown-policy-kind', pk === undefined ? 'policy has no kind' : `unknown policy kind ${JSON.stringify(pk)}`, at.line, at.col);
      return out;
    }
    schemaName = pk;
    const home = SINGLETON_POLICY_FILES[pk as PolicyKind];
    if (home !== undefined && path !== home) {
      const at = locate('/kind');
      report('error', 'policy-misplaced', `a ${pk} policy is read from ${home} only (a fleet has one${pk === 'modes' ? '' : ', and node agents read that path'}), so this one is not used`, at.line, at.col);
      return out;
    }
  }
  const badValues = findBadValues(fields);
  for (const bad of badValues) {
    const at = locate(bad.pointer);
    report('error', bad.code, bad.message, at.line, at.col);
  }
  const badPointers = new Set(badValues.map((b) => b.pointer));
  const shape = validators.forSchema(schemaName)(fields);
  for (const e of shape.errors) {
    if ((e as { propertyName?: string }).propertyName !== undefined) continue; // restated by its propertyNames error
    const d = describeSchemaError(e, path.endsWith('.md') ? 'front matter' : 'the file');
    if (badPointers.has(d.pointer)) continue; // already reported as the value it is
    const at = locate(d.pointer, d.atKey);
    report('error', d.code, d.message, at.line, at.col, d.fix === undefined ? {} : { hint: `${d.fix} (schemas/${schemaName}.schema.json has the allowed shape)` });
  }
  if (fields.id !== undefined && fields.id !== id) {
    const at = locate('/id');
    report('error', 'id-mismatch', `id ${JSON.stringify(fields.id)} does not match the file name '${id}'`, at.line, at.col);
  }
  if (out.findings.length > 0) return out;

  out.records.push({ kind, id, title: typeof fields.title === 'string' ? fields.title : null, line: 1, col: 1, parent: null, data: fields });
  for (const r of shape.refs) {
    out.edges.push(edge(kind, id, r.pointer, r.kind, r.id));
  }
  if (kind === 'workplan') addTasks(out, id, body, bodyLine, report);
  if (kind === 'policy' && fields.kind === 'checks') addChecks(out, id, fields, locate);
  return out;
}

function edge(srcKind: string, srcId: string, pointer: string, dstKind: string, dstId: string): EdgeRow {
  // Most references sit at a key (`/host`): with no digit, no segment is a list position, and the pointer after its first '/' is the relation.
  if (!/\d/.test(pointer)) {
    const slash = pointer.indexOf('/');
    return { srcKind, srcId, rel: slash === -1 ? '' : pointer.slice(slash + 1), dstKind, dstId, ord: 0, pointer, line: null, col: null };
  }
  const segs = pointer.split('/').slice(1);
  const last = segs[segs.length - 1];
  const ord = last !== undefined && /^\d+$/.test(last) ? Number(last) : 0;
  const rel = segs.filter((s) => !/^\d+$/.test(s)).join('/');
  return { srcKind, srcId, rel, dstKind, dstId, ord, pointer, line: null, col: null };
}

/** The inline fields fleethub reads; any other is kept as a note. */
const KNOWN_FIELDS = ['depends', 'done-when', 'owner'];
const LIST_FIELDS = new Set(['depends', 'done-when']);
const TASK_REF = /^(?:[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*\/)?[A-Za-z][A-Za-z0-9_.-]*$/;

/** `more`: the record the finding is about when not the file's (a task), and a hint of its own when the code's says too little. */
type Report = (severity: Severity, code: FindingCode, message: string, line: number, col: number, more?: { id?: string; kind?: string; hint?: string }) => void;

function addTasks(out: ParsedFile, workplan: string, body: string, bodyLine: number, report: Report): void {
  const { tasks, problems } = parseTasks(body, bodyLine);
  for (const p of problems) report(p.severity, p.code, p.message, p.line, p.col);
  for (const t of tasks) {
    const key = `${workplan}/${t.id}`;
    const edges: EdgeRow[] = [];
    const data: Record<string, unknown> = { id: t.id, title: t.title, state: t.state };
    let bad = false;
    const given = new Map<string, TaskField>();
    for (const f of t.fields) {
      // One value per field: a second one would silently win.
      const first = given.get(f.key);
      if (first) {
        report('error', 'task-syntax', `${key}: field '${f.key}' is given twice (first at column ${first.col}); keep one${LIST_FIELDS.has(f.key) ? ', listing every item in it' : ''}`, t.line, f.col, { id: key, kind: 'task' });
        bad = true;
        continue;
      }
      given.set(f.key, f);
      const meant = KNOWN_FIELDS.includes(f.key) ? undefined : didYouMean(f.key, KNOWN_FIELDS, 2);
      if (meant) report('warning', 'task-field-unknown', `${key}: field '${f.key}' is not one fleethub reads (it is kept as a note); did you mean '${meant}'?`, t.line, f.col, { id: key, kind: 'task' });
      if (LIST_FIELDS.has(f.key)) {
        const items = splitList(f);
        if (items.length === 0 || items.length !== f.value.split(',').length) {
          report('error', 'task-syntax', `${key}: '${f.key}' ${items.length === 0 ? 'is empty' : 'has an empty item'}: give ${f.key === 'depends' ? 'task ids' : 'check ids'} separated by commas, or remove the field`, t.line, f.col, { id: key, kind: 'task' });
          bad = true;
          continue;
        }
        const values: string[] = [];
        items.forEach((item, ord) => {
          const isTask = f.key === 'depends';
          const ok = isTask ? TASK_REF.test(item.value) : ID_PATTERN.test(item.value);
          if (!ok) {
            report('error', 'task-syntax', `${key}: '${item.value}' is not a valid ${isTask ? 'task' : 'check'} reference`, t.line, item.col, { id: key, kind: 'task' });
            bad = true;
            return;
          }
          const target = isTask && !item.value.includes('/') ? `${workplan}/${item.value}` : item.value;
          values.push(target);
          edges.push({ srcKind: 'task', srcId: key, rel: f.key, dstKind: isTask ? 'task' : 'check', dstId: target, ord, pointer: '', line: t.line, col: item.col });
        });
        data[f.key] = values;
      } else {
        data[f.key] = f.value;
      }
    }
    if (bad) continue;
    out.records.push(taskRecord(t, key, workplan, data));
    out.edges.push(...edges);
  }
}

/** `data`, this task's own, gets its depth, parent and box column in place: a key a field set already keeps its place and takes the new value, as a spread copy would give. */
function taskRecord(t: ParsedTask, key: string, workplan: string, data: Record<string, unknown>): RecordRow {
  data.depth = t.depth;
  data.parent = t.parent ? `${workplan}/${t.parent}` : null;
  data.box_col = t.boxCol;
  return {
    kind: 'task',
    id: key,
    title: t.title,
    line: t.line,
    col: t.col,
    parent: `workplan:${workplan}`,
    data,
  };
}

function addChecks(out: ParsedFile, policy: string, fields: Record<string, unknown>, locate: Locator): void {
  const checks = fields.checks as Array<Record<string, unknown>>;
  checks.forEach((c, i) => {
    const at = locate(`/checks/${i}/id`);
    out.records.push({ kind: 'check', id: String(c.id), title: String(c.title), line: at.line, col: at.col, parent: `policy:${policy}`, data: c });
  });
}

function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  return `a ${typeof v}`;
}
