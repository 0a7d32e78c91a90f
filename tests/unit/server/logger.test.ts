import { describe, expect, it } from 'vitest';
import { formatLogLine } from '@/server/logger';

const at = new Date('2026-11-30T01:02:03.004Z');

describe('formatLogLine', () => {
  it('writes one text line: time, level, message, fields (quoted when needed)', () => {
    expect(formatLogLine('text', 'warn', 'Sao lưu chậm', { issueId: 17, directory: '/var/sao lưu', ok: true }, at)).toBe(
      '2026-11-30T01:02:03.004Z WARN  Sao lưu chậm issueId=17 directory="/var/sao lưu" ok=true',
    );
  });

  it('keeps an error and its stack on the same line, in text and in JSON', () => {
    const error = new Error('kết nối bị từ chối\nchi tiết');
    const text = formatLogLine('text', 'error', 'Lỗi\nhai dòng', { error }, at);
    expect(text.split('\n')).toHaveLength(1);
    expect(text).toContain('Lỗi\\nhai dòng error="Error: kết nối bị từ chối\\nchi tiết" stack="Error:');
    const json = JSON.parse(formatLogLine('json', 'error', 'Lỗi', { error, issueId: 8 }, at));
    expect(json).toMatchObject({
      time: at.toISOString(),
      level: 'error',
      message: 'Lỗi',
      error: 'Error: kết nối bị từ chối\nchi tiết',
      issueId: 8,
    });
    expect(json.stack).toContain('logger.test.ts');
  });

  it('keeps an error code (ENOSPC, ECONNREFUSED…) as its own field', () => {
    const error = Object.assign(new Error('no space'), { code: 'ENOSPC' });
    expect(JSON.parse(formatLogLine('json', 'error', 'x', { error }, at)).code).toBe('ENOSPC');
  });
});
