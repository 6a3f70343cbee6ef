// The one error type for refused snapshot files and failed restores: a message
// that says what is wrong (for the CLI and the UI) and a code tests and callers
// can branch on. Raised by the reader, the decoder and the host's load path.

/** Why a snapshot was refused. */
export type SnapshotErrorCode =
  /** Shorter than its header says (or than any snapshot can be). */
  | 'truncated'
  /** The whole-file checksum does not match. */
  | 'corrupted'
  /** Not an rvos snapshot at all (wrong magic). */
  | 'not-a-snapshot'
  /** A format version this build cannot read. */
  | 'version'
  /** The snapshot needs a machine this VM does not have. */
  | 'configuration'
  /** A header field or the section table is inconsistent (checksum was right: a writer bug or a crafted file). */
  | 'malformed'
  /** A section is missing, fails its own checksum, or does not decode. */
  | 'section';

/** A refused snapshot file; `message` is meant for people. */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';

  constructor(readonly code: SnapshotErrorCode, message: string) {
    super(message);
  }
}
