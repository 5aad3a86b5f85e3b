/**
 * The cache's tables. They are a public contract (docs/cache.md): named checks
 * run read-only SQL over them. Bump SCHEMA_VERSION on any change; an older
 * cache file is then rebuilt automatically.
 */
export const SCHEMA_VERSION = 10;

export const CACHE_TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE memo (name TEXT PRIMARY KEY, key TEXT NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE files (
  path TEXT PRIMARY KEY,
  kind TEXT,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT NOT NULL,
  record_id TEXT,
  state TEXT NOT NULL
);

CREATE TABLE records (
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  title TEXT,
  parent TEXT,
  data TEXT NOT NULL,
  PRIMARY KEY (kind, id)
);


CREATE TABLE edges (
  src_kind TEXT NOT NULL,
  src_id TEXT NOT NULL,
  rel TEXT NOT NULL,
  dst_kind TEXT NOT NULL,
  dst_id TEXT NOT NULL,
  ord INTEGER NOT NULL,
  file TEXT NOT NULL,
  pointer TEXT NOT NULL,
  line INTEGER,
  col INTEGER
);

CREATE TABLE observations (
  node TEXT PRIMARY KEY,
  at TEXT NOT NULL,
  ok INTEGER NOT NULL,
  reason TEXT NOT NULL,
  results TEXT NOT NULL,
  status TEXT
);

CREATE TABLE node_status (
  node TEXT PRIMARY KEY,
  mode TEXT NOT NULL,
  since TEXT,
  last_verified TEXT,
  failures INTEGER NOT NULL,
  passes INTEGER NOT NULL,
  reason TEXT NOT NULL
);

CREATE TABLE peer_diversity (
  node TEXT PRIMARY KEY,
  direct_ready_count INTEGER NOT NULL,
  relay_ready_count INTEGER NOT NULL,
  external_area_ready_count INTEGER NOT NULL,
  independent_ingress_ready_count INTEGER NOT NULL,
  recovery_path_count INTEGER NOT NULL,
  observed_at TEXT NOT NULL
);

CREATE TABLE findings (
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  col INTEGER NOT NULL,
  severity TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  hint TEXT,
  kind TEXT,
  record_id TEXT,
  related TEXT,
  origin TEXT NOT NULL
);
`;

/**
 * Per-kind views over `records`: derived, never written. Columns hold the
 * common fields; `data` has the whole record as JSON for anything else.
 */
export const CACHE_VIEWS = `
CREATE VIEW nodes AS SELECT
  id, title, data->>'role' AS role, data->>'target_role' AS target_role,
  coalesce(data->>'enabled', 1) AS enabled, coalesce(data->>'planned', 0) AS planned,
  data->>'area' AS area, data->>'site' AS site, data->>'locality_group' AS locality_group, data->>'nat_group' AS nat_group,
  coalesce(data->'addresses', '[]') AS addresses, coalesce(data->'labels', '{}') AS labels, data, file
FROM records WHERE kind = 'node';

CREATE VIEW probes AS
  SELECT r.id AS node, 'tcp' AS type, (p.value->>'host') || ':' || (p.value->>'port') AS target, NULL AS expect_status, NULL AS expect_json, p.key AS ord, r.file
  FROM records r, json_each(r.data, '$.probes.tcp') p WHERE r.kind = 'node'
  UNION ALL
  SELECT r.id, 'http', p.value->>'url', coalesce(p.value->>'expect_status', 200), p.value->'expect_json', 100 + p.key, r.file
  FROM records r, json_each(r.data, '$.probes.http') p WHERE r.kind = 'node'
  UNION ALL
  SELECT r.id, 'status', r.data->>'$.probes.status', 200, NULL, 200, r.file
  FROM records r WHERE r.kind = 'node' AND r.data->>'$.probes.status' IS NOT NULL;

CREATE VIEW workloads AS SELECT
  id, title, data->>'kind' AS kind, data->>'host' AS host, data->>'target_host' AS target_host, data->>'owner' AS owner,
  data->>'stage' AS stage, data->>'target_stage' AS target_stage,
  coalesce(data->>'critical', 0) AS critical, coalesce(data->>'advertise', 0) AS advertise, coalesce(data->>'stateful', 0) AS stateful,
  data->>'$.promotion.image' AS image, coalesce(data->'labels', '{}') AS labels, data, file
FROM records WHERE kind = 'workload';

CREATE VIEW listeners AS SELECT
  r.id AS workload, l.value->>'port' AS port, l.value->>'protocol' AS protocol, l.value->>'edge_role' AS edge_role, r.file
FROM records r, json_each(r.data, '$.listeners') l WHERE r.kind = 'workload';

CREATE VIEW intents AS SELECT
  id, title, data->>'kind' AS kind, data->>'version' AS version, data->>'expires' AS expires, data->>'control' AS control,
  data->>'$.artifact.name' AS artifact_name, data->>'$.artifact.version' AS artifact_version, data->>'$.artifact.digest' AS artifact_digest,
  data->>'$.strategy.type' AS strategy, data, file
FROM records WHERE kind = 'intent';

CREATE VIEW workplans AS SELECT
  id, title, data->>'status' AS status, data->>'owner' AS owner, data, file
FROM records WHERE kind = 'workplan';

CREATE VIEW tasks AS SELECT
  id AS key, substr(parent, 10) AS workplan, data->>'id' AS id, title, data->>'state' AS state, data->>'owner' AS owner,
  data->>'parent' AS parent, data->>'depth' AS depth, line, col, data, file
FROM records WHERE kind = 'task';

CREATE VIEW policies AS SELECT
  id, data->>'kind' AS kind, title, data, file
FROM records WHERE kind = 'policy';

CREATE VIEW checks AS SELECT
  id, substr(parent, 8) AS policy, title, data->>'sql' AS sql, data->'expect' AS expect,
  coalesce(data->>'severity', 'error') AS severity, data->>'timeout' AS timeout, line, data, file
FROM records WHERE kind = 'check';

`;

/**
 * Secondary indexes a cold build creates before its rows go in: keyed by the
 * file, the order it writes rows in, so each row is appended to them (the
 * partial one takes no row at all), which costs less than sorting every row
 * to build them afterwards in the build's serial tail (~30 ms less there on
 * the 30,000-file fleet).
 */
export const LOAD_ORDER_INDEXES = `
CREATE INDEX records_file ON records(file);
CREATE INDEX files_shadowed ON files(state) WHERE state = 'shadowed';
CREATE INDEX files_invalid ON files(kind, record_id) WHERE state = 'invalid';
CREATE INDEX files_racy ON files(path) WHERE mtime_ms = -1;
CREATE INDEX edges_file ON edges(file);
`;

/** Secondary indexes a cold build creates after a bulk load (faster than maintaining them row by row: their keys come in no useful order). */
export const SORTED_INDEXES = `
CREATE INDEX edges_src ON edges(src_kind, src_id);
CREATE INDEX edges_dst ON edges(dst_kind, dst_id);
CREATE INDEX findings_related ON findings(related);
CREATE INDEX findings_file ON findings(file);
`;

/** Every secondary index. */
export const CACHE_INDEXES = LOAD_ORDER_INDEXES + SORTED_INDEXES;

/**
 * Every table a query can read but `meta` and `memo` counts its writes in
 * meta's `revision` (src/cache/contentRevision.ts): one row-level trigger per
 * table and statement kind, created after a bulk load (a cold build counts as
 * one state: revision 0). Derived from CACHE_TABLES, so a new table is counted.
 */
export const CACHE_TRIGGERS = [...CACHE_TABLES.matchAll(/CREATE TABLE (\w+)/g)]
  .map((m) => m[1]!)
  .filter((t) => t !== 'meta' && t !== 'memo')
  .flatMap((t) => ['INSERT', 'UPDATE', 'DELETE'].map((op) => `CREATE TRIGGER ${t}_${op.toLowerCase()}_revision AFTER ${op} ON ${t} BEGIN UPDATE meta SET value = value + 1 WHERE key = 'revision'; END;`))
  .join('\n');

export const CACHE_DDL = CACHE_TABLES + CACHE_VIEWS + CACHE_INDEXES + CACHE_TRIGGERS;
