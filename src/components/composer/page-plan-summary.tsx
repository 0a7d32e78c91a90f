import type { PagePlanState } from './use-page-plan';

/** The print PDF's length for the saved layout, with the press law's 64-page limit. */
export function PagePlanSummary({ state }: { state: PagePlanState }) {
  if (state.kind === 'ready' && state.plan.isOverLimit) {
    return (
      <p role="alert" className="composer-plan composer-plan--over">
        Bản in dài {state.plan.pageCount} trang, vượt giới hạn {state.plan.pageLimit} trang của bản tin (Luật Báo chí 2016, điều 34). Hãy
        bớt bài hoặc chuyển bớt sang số sau.
      </p>
    );
  }
  return (
    <p role="status" className="composer-plan">
      {state.kind === 'loading'
        ? 'Đang tính số trang bản in…'
        : state.kind === 'failed'
          ? `Chưa tính được số trang bản in: ${state.message}`
          : `Bản in: ${state.plan.pageCount} trang (tối đa ${state.plan.pageLimit}).`}
    </p>
  );
}
