import { describe, expect, it } from 'vitest';

describe('/api/health', () => {
  it('answers 503 when the database cannot be reached', async () => {
    // This file's first database access: point it at a closed port before the client exists.
    process.env.DATABASE_URL = 'postgresql://nobody@127.0.0.1:1/none';
    const { GET } = await import('@/app/api/health/route');
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });
});
