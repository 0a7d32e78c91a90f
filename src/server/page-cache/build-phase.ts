import 'server-only';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';

/**
 * True while `next build` prerenders a public route that has no parameters (home, archive,
 * feeds). There is no database then, and nothing the build renders is ever served: the page
 * cache starts empty with each server and renders those routes on their first request.
 */
export function isBuildPrerender(): boolean {
  return process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
}
