/**
 * The files an event is applied to, as the relay sees them: a version of the
 * repository (upstream's head in the relay's clone, or the working tree) with
 * this pass's edits on top. Only `changes` are ever written out.
 */
export interface FileView {
  /** A file's text in this version, or null when it does not exist (or is not UTF-8 text). */
  read(path: string): string | null;
  write(path: string, text: string): void;
  /** Paths written in this view, with their new text, in the order first written. */
  readonly changes: ReadonlyMap<string, string>;
}

/** A FileView over a base reader: reads see earlier writes. */
export function fileView(base: (path: string) => string | null): FileView {
  const changes = new Map<string, string>();
  return {
    read: (path) => (changes.has(path) ? changes.get(path)! : base(path)),
    write: (path, text) => void changes.set(path, text),
    changes,
  };
}
