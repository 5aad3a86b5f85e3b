/**
 * The cache's tables. They are a public contract (docs/cache.md): named checks
 * run read-only SQL over them. Bump SCHEMA_VERSION on any change; an older
 * cache file is then rebuilt automatically.
 */
export const SCHEMA_VERSION = 2;

export const CACHE_TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

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

CREATE TABLE nodes (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  role TEXT NOT NULL,
  target_role TEXT,
  enabled INTEGER NOT NULL,
  planned INTEGER NOT NULL,
  area TEXT,
  site TEXT,
  locality_group TEXT,
  nat_group TEXT,
  addresses TEXT NOT NULL,
  labels TEXT NOT NULL,
  file TEXT NOT NULL
);

CREATE TABLE probes (
  node TEXT NOT NULL,
  type TEXT NOT NULL,
  target TEXT NOT NULL,
  expect_status INTEGER,
  ord INTEGER NOT NULL,
  file TEXT NOT NULL
);

CREATE TABLE workloads (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  host TEXT,
  target_host TEXT,
  owner TEXT,
  stage TEXT,
  target_stage TEXT,
  critical INTEGER NOT NULL,
  advertise INTEGER NOT NULL,
  stateful INTEGER NOT NULL,
  image TEXT,
  labels TEXT NOT NULL,
  file TEXT NOT NULL
);

CREATE TABLE listeners (
  workload TEXT NOT NULL,
  port INTEGER NOT NULL,
  protocol TEXT NOT NULL,
  edge_role TEXT,
  file TEXT NOT NULL
);

CREATE TABLE intents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  expires TEXT NOT NULL,
  control TEXT NOT NULL,
  artifact_name TEXT,
  artifact_version TEXT,
  artifact_digest TEXT,
  strategy TEXT,
  file TEXT NOT NULL
);

CREATE TABLE workplans (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  status TEXT NOT NULL,
  owner TEXT,
  file TEXT NOT NULL
);

CREATE TABLE tasks (
  key TEXT PRIMARY KEY,
  workplan TEXT NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  state TEXT NOT NULL,
  owner TEXT,
  parent TEXT,
  depth INTEGER NOT NULL,
  line INTEGER NOT NULL,
  fields TEXT NOT NULL,
  file TEXT NOT NULL
);

CREATE TABLE policies (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  title TEXT,
  data TEXT NOT NULL,
  file TEXT NOT NULL
);

CREATE TABLE checks (
  id TEXT PRIMARY KEY,
  policy TEXT NOT NULL,
  title TEXT NOT NULL,
  sql TEXT NOT NULL,
  expect TEXT NOT NULL,
  expect_value INTEGER,
  severity TEXT NOT NULL,
  timeout_ms INTEGER,
  line INTEGER NOT NULL,
  file TEXT NOT NULL
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

/** Secondary indexes, created after a bulk load (faster than maintaining them row by row). */
export const CACHE_INDEXES = `
CREATE INDEX records_file ON records(file);
CREATE INDEX files_shadowed ON files(state) WHERE state = 'shadowed';
CREATE INDEX probes_node ON probes(node);
CREATE INDEX workloads_host ON workloads(host);
CREATE INDEX workloads_target_host ON workloads(target_host);
CREATE INDEX listeners_workload ON listeners(workload);
CREATE INDEX tasks_workplan ON tasks(workplan);
CREATE INDEX edges_src ON edges(src_kind, src_id);
CREATE INDEX edges_dst ON edges(dst_kind, dst_id);
CREATE INDEX edges_file ON edges(file);
CREATE INDEX findings_related ON findings(related);
CREATE INDEX findings_file ON findings(file);
`;

export const CACHE_DDL = CACHE_TABLES + CACHE_INDEXES;
