import { checkDatabaseHealth } from '@/server/db/health';

// Public by design: says only whether the database answers.
export async function GET() {
  const isHealthy = await checkDatabaseHealth();
  return Response.json(
    { status: isHealthy ? 'ok' : 'unavailable', database: isHealthy ? 'ok' : 'unreachable' },
    { status: isHealthy ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
