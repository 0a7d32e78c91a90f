import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';

describe('/api/health', () => {
  it('answers 200 when the database answers', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
