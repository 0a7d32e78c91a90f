'use client';

import { useState } from 'react';
import type { FormState } from '@/components/admin/form-state';
import type { DraftIssueOption } from './issue-fields';
import { ReviewScreen } from './review-screen';
import { UploadStep } from './upload-step';
import type { ReviewPayload } from './upload';

/** "Nhập bản tin" / "Nhập số cũ": upload, then review, then "Tạo số". */
export function ImportPage({
  isArchive,
  drafts,
  create,
}: {
  isArchive: boolean;
  drafts: DraftIssueOption[];
  create: (input: unknown) => Promise<FormState>;
}) {
  const [payload, setPayload] = useState<ReviewPayload | null>(null);
  if (!payload) return <UploadStep isArchive={isArchive} onAnalysed={setPayload} />;
  return <ReviewScreen payload={payload} isArchive={isArchive} drafts={drafts} create={create} onRestart={() => setPayload(null)} />;
}
