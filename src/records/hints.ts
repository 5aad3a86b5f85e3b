/** What to do about each finding code. One place, so messages stay consistent. */
export const HINTS: Readonly<Record<string, string>> = {
  'empty-file': 'write the record, or delete the file',
  'binary-file': 'only UTF-8 text files belong in the fleet directories; move binaries elsewhere',
  'invalid-utf8': 're-save the file as UTF-8',
  'file-too-large': 'a record file should be small; move bulky notes out of the fleet directories',
  'unreadable-file': 'check the file permissions',
  'frontmatter-missing': "start the file with '---', the record's YAML fields, and a closing '---' line",
  'frontmatter-unterminated': "add a '---' line after the last front matter field",
  'frontmatter-not-mapping': 'the front matter must be YAML key: value pairs',
  'yaml-syntax': 'fix the YAML at this position (indent with spaces, not tabs; quote values containing ": " or "#")',
  'yaml-too-large': 'remove the anchors/aliases that expand the document; records are small',
  'yaml-too-deep': 'flatten the structure; records never nest this deep',
  'schema': 'see the schema in schemas/ for the allowed shape',
  'unknown-key': "fix the spelling, remove the key, or prefix it with 'x-' for your own extensions",
  'missing-key': 'add the key',
  'invalid-id': "rename the file: ids use letters, digits, '.', '_' and '-', with no '..'",
  'id-mismatch': 'make the id equal the file name, or remove the id key (the file name is the id)',
  'unknown-policy-kind': 'set kind to one of: modes, freeze, promotion-gate, drain-sequence, rollout, trust, checks',
  'duplicate-id': 'rename one of the two records; ids must be unique per kind',
  'unknown-reference': 'create the referenced record, or fix the reference',
  'dependency-cycle': 'remove one of the dependencies in the cycle',
  'task-syntax': 'write tasks as: - [ ] T04 Title [depends:: T03] [owner:: ops] [done-when:: check-id]',
  'task-missing-id': 'start the task with an id, e.g. - [ ] T04 Title',
  'task-unknown-state': 'use [ ] todo, [/] doing, [x] done, [-] cancelled or [!] blocked',
  'task-duplicate-id': 'give each task of a workplan its own id',
  'unexpected-file': 'record files are .md (registry/, workplans/) or .yaml (policies/); rename or move this file',
  'symlink-escape': 'a symlink in the fleet must not point outside the repository; copy the file in instead',
  'symlink-dir': 'symlinked directories are not followed; move the files into the repository',
  'check-invalid-sql': 'fix the SQL; checks run read-only against the tables in docs/cache.md',
  'check-not-readonly': 'a check may only read: write one SELECT statement',
};

export function hintFor(code: string): string | undefined {
  return HINTS[code];
}
