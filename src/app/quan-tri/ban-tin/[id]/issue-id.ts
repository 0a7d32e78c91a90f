/** The [id] of an issue address: a positive integer, or null (a 404). */
export function parseIssueId(value: string): number | null {
  return /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}
