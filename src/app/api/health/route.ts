import { getActor } from '@/server/auth/session';
import { checkDatabaseHealth } from '@/server/db/health';
import { getReadiness } from '@/server/ops/readiness';
import { can } from '@/server/permissions';

// 200 when the database answers, 503 when it does not: all an anonymous caller (a load
// balancer, an uptime probe) learns. A signed-in admin also gets the readiness view:
// migrations, job runner, backups, free disk.
export async function GET(request?: Request) {
  const isHealthy = await checkDatabaseHealth();
  const status = isHealthy ? 200 : 503;
  const body = { status: isHealthy ? 'ok' : 'unavailable', database: isHealthy ? 'ok' : 'unreachable' };
  // Only a request carrying cookies can be a session: probes never pay for the lookup.
  const actor = isHealthy && request?.headers.has('cookie') ? await getActor() : null;
  if (!actor || !can(actor, 'system.manage')) {
    return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
  }
  return Response.json({ ...body, readiness: await getReadiness() }, { status, headers: { 'Cache-Control': 'private, no-store' } });
}
