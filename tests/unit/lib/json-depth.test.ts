import { describe, expect, it } from 'vitest';
import { isNestedDeeperThan, MAX_JSON_NESTING } from '@/lib/json-depth';

describe('isNestedDeeperThan', () => {
  it('measures arrays and objects, not brackets inside strings', () => {
    expect(isNestedDeeperThan('[{"a":[1]}]', 3)).toBe(false);
    expect(isNestedDeeperThan('[{"a":[[1]]}]', 3)).toBe(true);
    expect(isNestedDeeperThan(JSON.stringify(['[[[[[[', '{{{{\\"[[[[']), 1)).toBe(false);
  });

  it('finds 3,000 levels without recursion', () => {
    const deep = '{"type":"paragraph","content":['.repeat(3000) + ']}'.repeat(3000);
    expect(isNestedDeeperThan(deep)).toBe(true);
  });

  it('lets a real article through', () => {
    const list = (depth: number): unknown =>
      depth === 0 ? { type: 'text', text: 'x' } : { type: 'bulletList', content: [{ type: 'listItem', content: [list(depth - 1)] }] };
    expect(isNestedDeeperThan(JSON.stringify([{ body: { type: 'doc', content: [list(6)] } }]), MAX_JSON_NESTING)).toBe(false);
  });
});
