import pg from 'pg';

/** A connection to the end-to-end database (DATABASE_URL from scripts/test.ts), closed after `work`. */
export async function withDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
