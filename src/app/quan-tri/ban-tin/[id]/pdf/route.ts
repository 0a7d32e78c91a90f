import { getIssueView } from '@/server/issues/queries';
import { NotFoundError } from '@/server/errors';
import { runRoute } from '@/server/outcome';
import { issuePdfResponse, pdfErrorResponse } from '@/server/pdf/http';
import { issuePdfFileName } from '@/server/pdf/render';
import { assertCan } from '@/server/permissions';
import { requireId } from '@/server/validation';

const NO_STORE = { 'Cache-Control': 'private, no-store' };

// The print PDF of any issue, draft or not, for the people composing it: the editorial view,
// "BẢN XEM TRƯỚC" on every page, never cached by a browser or proxy.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const raw = (await params).id;
  return runRoute({ attempted: 'issue.previewPdf', entity: { type: 'issue', id: raw } }, async (actor) => {
    assertCan(actor, 'issue.compose');
    const issue = await getIssueView({ id: requireId(raw, 'số bản tin') }, { visibility: 'editorial' });
    if (!issue) throw new NotFoundError('Không tìm thấy số bản tin.');
    const fileName = issuePdfFileName(issue).replace(/\.pdf$/, '-xem-truoc.pdf');
    return issuePdfResponse(issue, { options: { preview: true }, fileName, headers: NO_STORE }).catch((error: unknown) =>
      pdfErrorResponse(error, `xem trước số ${issue.id}`, NO_STORE),
    );
  });
}
