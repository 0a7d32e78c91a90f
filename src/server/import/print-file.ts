import 'server-only';
import { getDb } from '../db/client';

/** The original PDF kept for a back issue (by "Nhập số cũ"), or null when the issue is rendered. */
export async function getIssuePrintFile(issueId: number): Promise<{ bytes: Uint8Array; sha256: string } | null> {
  return getDb().issuePrintFile.findUnique({ where: { issueId }, select: { bytes: true, sha256: true } });
}
