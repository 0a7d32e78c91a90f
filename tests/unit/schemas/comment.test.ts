import { describe, expect, it } from 'vitest';
import { mentionedIn } from '@/schemas/comment';

const people = [
  { id: 1, name: 'Nguyễn Văn A' },
  { id: 2, name: 'Nguyễn Văn An' },
  { id: 3, name: 'Trần Văn Duyệt' },
];

describe('mentionedIn', () => {
  it('finds whole names after "@", the longest that fits, each once, whatever the case', () => {
    expect(mentionedIn('@Nguyễn Văn An xem giúp, @trần văn duyệt và @Nguyễn Văn An nữa', people).map((p) => p.id)).toEqual([2, 3]);
    expect(mentionedIn('Gửi @Nguyễn Văn A.', people).map((p) => p.id)).toEqual([1]);
  });

  it('ignores a name cut short or run into another word, and text without "@"', () => {
    expect(mentionedIn('@Nguyễn Văn Anh', people)).toEqual([]);
    expect(mentionedIn('@Nguyễn Vă', people)).toEqual([]);
    expect(mentionedIn('Trần Văn Duyệt đã xem', people)).toEqual([]);
  });
});
