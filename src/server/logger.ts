import 'server-only';
import { getOpsEnv } from './env';

// One line per event with its level: readable text by default, one JSON object per line with
// LOG_FORMAT=json (for journald/Loki/ELK). Errors keep their stack, escaped onto the line.
// LOG_LEVEL drops the levels below it. Server code logs through here, never console.*.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const code = (error as NodeJS.ErrnoException).code;
  return { error: `${error.name}: ${error.message}`, ...(code ? { code } : {}), stack: error.stack };
}

function textValue(value: unknown): string {
  const text = typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return /^[^\s"=\\]+$/.test(text ?? '') ? text! : JSON.stringify(text ?? null);
}

/** The line for an event, without the newline; exported for tests. */
export function formatLogLine(format: 'text' | 'json', level: LogLevel, message: string, fields: LogFields, time = new Date()): string {
  const flat: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (key === 'error') Object.assign(flat, describeError(value));
    else flat[key] = value;
  }
  if (format === 'json') return JSON.stringify({ time: time.toISOString(), level, message, ...flat });
  const extra = Object.entries(flat).map(([key, value]) => `${key}=${textValue(value)}`);
  // Newlines inside the message would split the event: escape them like JSON does.
  return [time.toISOString(), level.toUpperCase().padEnd(5), message.replace(/\r?\n/g, '\\n'), ...extra].join(' ');
}

function write(level: LogLevel, message: string, fields: LogFields = {}) {
  const { LOG_FORMAT, LOG_LEVEL } = getOpsEnv();
  if (RANK[level] < RANK[LOG_LEVEL]) return;
  const line = `${formatLogLine(LOG_FORMAT, level, message, fields)}\n`;
  (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(line);
}

export const log = {
  debug: (message: string, fields?: LogFields) => write('debug', message, fields),
  info: (message: string, fields?: LogFields) => write('info', message, fields),
  warn: (message: string, fields?: LogFields) => write('warn', message, fields),
  /** `fields.error` may be any thrown value: its name, message, code and stack are kept. */
  error: (message: string, fields?: LogFields) => write('error', message, fields),
};
