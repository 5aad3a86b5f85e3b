/**
 * Typed failures of fleethub itself (not findings about the fleet): one class
 * per failure, each with a stable `code` and structured `data`. The CLI maps
 * them to exit code 2 and a one-line message; no stack traces for users.
 */
export class FleethubError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RootNotFoundError extends FleethubError {
  constructor(path: string, explicit: boolean) {
    super(
      'root-not-found',
      explicit
        ? `--root ${path} does not exist`
        : `no fleet repository at or above ${path}: none of registry/, workplans/, policies/ found (run 'fleethub init <dir>' to create one, or pass --root <dir>)`,
      { path, explicit },
    );
  }
}

export class UsageError extends FleethubError {
  constructor(message: string, data: Record<string, unknown> = {}) {
    super('usage', message, data);
  }
}

export class QueryError extends FleethubError {
  constructor(message: string, sql: string) {
    super('query', message, { sql });
  }
}

export class CacheBusyError extends FleethubError {
  constructor(path: string) {
    super('cache-busy', `the cache at ${path} is locked by another fleethub process; try again`, { path });
  }
}
