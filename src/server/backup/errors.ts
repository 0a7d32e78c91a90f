import 'server-only';

/**
 * A backup or restore that cannot go on, with a Vietnamese message that says what happened
 * and what to do; the commands print it alone. Nothing in the target was changed unless the
 * message says so.
 */
export class BackupError extends Error {
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Disk-full and friends, told apart so the message can say "free some space". */
export function isDiskFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === 'ENOSPC' || code === 'EDQUOT' || (error instanceof Error && /No space left on device|Disk quota exceeded/i.test(error.message))
  );
}

/** The output file exists: a backup never overwrites one. */
export class ArchiveExistsError extends BackupError {
  constructor(file: string) {
    super(`Tệp ${file} đã có; hãy chọn tên khác (bản sao lưu không ghi đè tệp cũ).`);
    this.name = 'ArchiveExistsError';
  }
}
