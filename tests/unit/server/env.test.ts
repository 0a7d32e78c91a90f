import { describe, expect, it } from 'vitest';
import { EnvError, environmentProblems, getScriptEnv } from '@/server/env';

describe('getScriptEnv (what npm start, backup, restore and doctor read)', () => {
  it('fills the defaults', () => {
    const env = getScriptEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', PORT: 3000, EMBEDDED_PG_PORT: 54329 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('refuses a port that is not one, naming the variable', () => {
    for (const [name, value] of [
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['PORT', '30.5'],
      ['EMBEDDED_PG_PORT', '0'],
    ]) {
      expect(() => getScriptEnv({ [name!]: value })).toThrow(EnvError);
      expect(() => getScriptEnv({ [name!]: value })).toThrow(new RegExp(`Biến môi trường ${name} không hợp lệ: cần một số cổng 1–65535`));
    }
    expect(getScriptEnv({ PORT: '3305' }).PORT).toBe(3305);
  });

  it('refuses a DATABASE_URL that is not PostgreSQL and lists every problem for the doctor', () => {
    expect(() => getScriptEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL không hợp lệ: cần chuỗi kết nối bắt đầu bằng postgresql:\/\//,
    );
    expect(environmentProblems({ PORT: 'x', LOG_FORMAT: 'xml', NEXTAUTH_SECRET: 'ngắn' })).toEqual([
      expect.stringMatching(/^Biến môi trường PORT/),
      expect.stringMatching(/^Biến môi trường NEXTAUTH_SECRET/),
      'Biến môi trường LOG_FORMAT không hợp lệ: cần text hoặc json',
    ]);
  });
});
