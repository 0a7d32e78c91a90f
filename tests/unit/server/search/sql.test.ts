import { describe, expect, it } from 'vitest';
import { searchTerms, searchTokens } from '@/server/search/sql';

describe('search terms', () => {
  it('tokenizes like the database: no diacritics, lower case, [a-z0-9] runs', () => {
    expect(searchTokens('CHUYỂN ĐỔI SỐ, 23/2025/TT-BKHHCN 🙂')).toEqual(['chuyen', 'doi', 'so', '23', '2025', 'tt', 'bkhhcn']);
    expect(searchTokens("' OR 1=1 --")).toEqual(['or', '1', '1']);
    expect(searchTokens('%_\\\'";--')).toEqual([]);
  });

  it('builds tsqueries from tokens only: every word, the last as a prefix; the phrase as titles are stored', () => {
    const terms = searchTerms("Chuyển đổi số' OR 1=1 --")!;
    expect(terms.match).toBe("'chuyen' & 'doi' & 'so' & 'or' & '1':*");
    expect(terms.phrase).toBe('chuyen doi so or 1 1');
    expect(terms.opening).toBe('chuyen ');
    expect(searchTerms('Chuyể')!.opening).toBe('chuye');
    expect(terms.titleWords).toBe("'chuyen':A & 'doi':A & 'so':A & 'or':A & '1':*A");
    expect(terms.words).toEqual(new Set(['chuyen', 'doi', 'so', 'or']));
    expect(terms.prefix).toBe('1');
  });

  it('has no terms for a query without letters or digits', () => {
    for (const query of ['', '%', '_', '\\', '🙂🚀', "'; --", '\u0300\u0301']) expect(searchTerms(query)).toBeNull();
  });
});
