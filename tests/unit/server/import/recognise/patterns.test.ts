import { describe, expect, it } from 'vitest';
import { isByline, isCapitalsLine, parseCredit, parseSourceLine, sentenceCase } from '@/server/import/recognise/patterns';

describe('source lines', () => {
  it.each([
    ['Theo Thu Giang - <https://baochinhphu.vn/>', { authors: 'Thu Giang', outlet: 'Báo Chính phủ', url: 'https://baochinhphu.vn/' }],
    ['Theo Minh Hiên-<https://baochinhphu.vn/>', { authors: 'Minh Hiên', outlet: 'Báo Chính phủ', url: 'https://baochinhphu.vn/' }],
    [
      '**Theo N.Dung (Người lao động) - <https://www.24h.com.vn>**',
      { authors: 'N.Dung (Người lao động)', outlet: '24h', url: 'https://www.24h.com.vn' },
    ],
    ['<https://baolaichau.vn/>', { authors: null, outlet: 'baolaichau.vn', url: 'https://baolaichau.vn/' }],
    ['(Nguồn: Báo Điện tử Chính phủ, ngày 09/10/2025)', { authors: null, outlet: 'Báo Điện tử Chính phủ', url: null }],
    ['Nguồn: vnexpress.net', { authors: null, outlet: 'VnExpress', url: 'https://vnexpress.net' }],
    ['Theo Văn Sự - baoquangnam.vn', { authors: 'Văn Sự', outlet: 'baoquangnam.vn', url: 'https://baoquangnam.vn/' }],
  ])('%s', (line, expected) => {
    expect(parseSourceLine(line)).toEqual(expected);
  });

  it('uses the office’s own outlet names when it has them', () => {
    expect(
      parseSourceLine('Theo Kim Anh - <https://laichau.gov.vn>', new Map([['laichau.gov.vn', 'Cổng TTĐT tỉnh Lai Châu']]))?.outlet,
    ).toBe('Cổng TTĐT tỉnh Lai Châu');
  });

  it.each([
    'Theo Bộ trưởng, sau hơn 3 tháng vận hành, mô hình chính quyền địa phương hai cấp cơ bản vận hành tốt.',
    'Theo đó, Bộ Nội vụ đã định hướng 36 vị trí việc làm ở cấp xã.',
    'Theo kế hoạch, Hội nghị kết thúc vào chiều nay (9/8).',
    'Theo BHXH Việt Nam, doanh nghiệp thuộc phạm vi Nghị định 168-2025 dùng mã số doanh nghiệp.',
  ])('a sentence starting with “Theo” is not a source: %s', (line) => {
    expect(parseSourceLine(line)).toBeNull();
  });
});

describe('photo credits', () => {
  it.each([
    [
      'Trung tâm Phục vụ hành chính công xã Long Thạnh, tỉnh An Giang - Ảnh: VGP',
      'Trung tâm Phục vụ hành chính công xã Long Thạnh, tỉnh An Giang',
      'Ảnh: VGP',
    ],
    ['Các đồng chí tham dự phiên họp. (Ảnh: ĐẢNG KHOA)', 'Các đồng chí tham dự phiên họp.', 'Ảnh: ĐẢNG KHOA'],
    ['Phó thủ tướng Phạm Thị Thanh Trà. Ảnh: Phạm Thắng', 'Phó thủ tướng Phạm Thị Thanh Trà.', 'Ảnh: Phạm Thắng'],
    [
      'Các bộ, ngành được yêu cầu cắt giảm thủ tục (Ảnh minh họa: Nguyễn Hải).',
      'Các bộ, ngành được yêu cầu cắt giảm thủ tục',
      'Ảnh minh họa: Nguyễn Hải',
    ],
    ['Ảnh: Gia Đoàn', null, 'Ảnh: Gia Đoàn'],
    ['Ảnh minh họa', 'Ảnh minh họa', null],
    ['Ảnh: Quang cảnh hội nghị tổng kết công tác cải cách hành chính.', 'Quang cảnh hội nghị tổng kết công tác cải cách hành chính.', null],
  ])('%s', (line, caption, credit) => {
    expect(parseCredit(line)).toEqual({ caption, credit });
  });

  it('body text is not a caption', () => {
    expect(parseCredit('Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến 38 xã, phường của tỉnh.')).toBeNull();
  });
});

describe('section lines and bylines', () => {
  it('capitals lines are sections; sentence case keeps abbreviations', () => {
    expect(isCapitalsLine('THÔNG TIN CCHC CỦA TRUNG ƯƠNG')).toBe(true);
    expect(isCapitalsLine('II. TIN ĐỊA PHƯƠNG')).toBe(true);
    expect(isCapitalsLine('SỐ 17')).toBe(false);
    expect(isCapitalsLine('Không có chuyện cào bằng về biên chế')).toBe(false);
    expect(sentenceCase('THÔNG TIN CCHC CỦA TỈNH')).toBe('Thông tin CCHC của tỉnh');
    expect(sentenceCase('II. TIN UBND HUYỆN')).toBe('Tin UBND huyện');
  });

  it('bylines are names, maybe with an agency', () => {
    for (const name of ['Quốc Thái', 'Phạm Thịnh – Thái Dương', 'P.Mai', 'Nguyễn Văn Hòa, Sở Thông tin và Truyền thông'])
      expect(isByline(name)).toBe(true);
    for (const line of ['Quang cảnh hội nghị.', 'Các đại biểu thảo luận tại tổ 4', 'Tổng Bí thư Tô Lâm phát biểu kết luận phiên họp'])
      expect(isByline(line)).toBe(false);
  });
});
