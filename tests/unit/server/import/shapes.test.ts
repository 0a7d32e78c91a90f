// Bulletins of other provinces and shapes, so the rules are not tuned to the two seeds: a
// daily press digest with a paged TOC (which skips a number and shortens a title), a web
// bulletin with a numbered list of titles and mixed-case sections, a PDF text extraction with
// two-line titles, captions and credits on their own lines and bylines instead of sources.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseImport } from '@/server/import/pipeline';
import type { ProposedIssue } from '@/schemas/import';
import { FIXTURES } from './ground-truth';

const analyse = async (name: string) => (await analyseImport(name, await readFile(path.join(FIXTURES, name)))).proposal;
const outline = (proposal: ProposedIssue) =>
  proposal.sections.map((section) => [section.title, section.articles.map((article) => article.title)]);
const articles = (proposal: ProposedIssue) => proposal.sections.flatMap((section) => section.articles);
const images = (proposal: ProposedIssue) =>
  articles(proposal).flatMap((article) => article.body.flatMap((block) => (block.type === 'image' ? [[block.caption, block.credit]] : [])));

describe('daily press digest with a paged table of contents', () => {
  it('finds masthead, sections and every title, including the one the TOC forgot', async () => {
    const proposal = await analyse('diem-bao-2025-10-10.txt');
    expect(proposal).toMatchObject({
      publication: 'BẢN TIN ĐIỂM BÁO CẢI CÁCH HÀNH CHÍNH',
      number: 196,
      year: 2025,
      periodStart: '2025-10-10',
      periodEnd: '2025-10-10',
    });
    expect(outline(proposal)).toEqual([
      [
        'Tin trung ương',
        [
          'Chính phủ ban hành Nghị định về phân cấp quản lý nhà nước trong lĩnh vực nội vụ',
          'Bộ Nội vụ hướng dẫn sắp xếp công chức cấp xã',
          'Tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ',
          'Đẩy mạnh dịch vụ công trực tuyến toàn trình',
        ],
      ],
      ['Tin địa phương', ['Quảng Trị công bố Chỉ số cải cách hành chính năm 2024', 'Xã Hướng Phùng ra mắt Tổ công nghệ số cộng đồng']],
    ]);
    expect(proposal.toc).toHaveLength(7);
    expect(proposal.warnings).toContain('Mục lục in bỏ qua số 3; mục lục của số mới được tạo lại từ các bài.');
    expect(proposal.warnings).toContain('Bài “Tăng cường kỷ luật, kỷ cương hành chính trong thực thi công vụ” không có trong mục lục in.');
  });

  it('reads sources, bylines and captions, and drops the page furniture', async () => {
    const proposal = await analyse('diem-bao-2025-10-10.txt');
    expect(articles(proposal).map((article) => article.source)).toEqual([
      { authors: null, outlet: 'Báo Điện tử Chính phủ', url: null },
      { authors: 'Quốc Thái', outlet: null, url: null },
      { authors: null, outlet: 'Báo Nhân Dân', url: null },
      { authors: null, outlet: 'VnExpress', url: 'https://vnexpress.net' },
      { authors: 'Hải Phong', outlet: 'baoquangtri.vn', url: 'https://baoquangtri.vn/' },
      { authors: 'Lê Trường', outlet: null, url: null },
    ]);
    expect(images(proposal)).toEqual([
      ['Toàn cảnh hội nghị công bố Chỉ số cải cách hành chính năm 2024', 'Ảnh: Hải Phong'],
      ['Thành viên Tổ công nghệ số hướng dẫn người dân cài đặt ứng dụng VNeID.', 'Ảnh: Lê Trường'],
    ]);
    const text = JSON.stringify(proposal.sections);
    expect(text).not.toContain('BẢN TIN ĐIỂM BÁO CCHC – SỐ 196');
    expect(text).not.toContain('- 2 -');
    // The paragraph cut by the page break is whole again.
    expect(text).toContain('báo cáo kết quả về Bộ Nội vụ để tổng hợp.');
  });
});

describe('provincial web bulletin (saved HTML page)', () => {
  it('uses the numbered list of titles, the heading levels and drops the site chrome', async () => {
    const proposal = await analyse('web-ban-tin-quang-nam.html');
    expect(proposal).toMatchObject({ publication: 'Bản tin Cải cách hành chính tỉnh Quảng Nam', number: 9, year: 2025 });
    expect(outline(proposal)).toEqual([
      [
        'Cải cách thủ tục hành chính',
        ['Quảng Nam rút ngắn 30% thời gian giải quyết thủ tục đầu tư', 'Chuẩn hóa quy trình nội bộ tại bộ phận một cửa cấp xã'],
      ],
      ['Cải cách địa phương', ['Tam Kỳ thí điểm trả kết quả hồ sơ tại nhà']],
      ['Phân tích – Bình luận', ['Xây dựng chính quyền điện tử: từ phong trào đến thực chất']],
    ]);
    const text = JSON.stringify(proposal);
    for (const chrome of ['dataLayer', 'Trang chủ', 'Liên hệ', 'mso-', '62 Hùng Vương', 'onclick', '<o:p>'])
      expect(text).not.toContain(chrome);
  });

  it('keeps the embedded photo, lists, tables, safe links, sources and bylines', async () => {
    const { proposal, images: photos } = await analyseImport('web.html', await readFile(path.join(FIXTURES, 'web-ban-tin-quang-nam.html')));
    const [first, second, third, fourth] = articles(proposal);
    expect(photos).toHaveLength(1);
    expect(first!.body).toContainEqual({
      type: 'image',
      caption: 'Lãnh đạo tỉnh trao quyết định chủ trương đầu tư cho doanh nghiệp',
      credit: 'Ảnh: Văn Sự',
      image: 0,
      confidence: 'high',
    });
    expect(JSON.stringify(first!.body)).toContain('"href":"https://dichvucong.quangnam.gov.vn"');
    expect(first!.source).toEqual({ authors: 'Văn Sự', outlet: 'baoquangnam.vn', url: 'https://baoquangnam.vn/' });
    expect(second!.body.map((block) => block.type)).toEqual(['list', 'table']);
    expect(second!.source).toEqual({ authors: null, outlet: 'Sở Nội vụ Quảng Nam', url: null });
    expect(third!.source?.authors).toBe('Thanh Thắng');
    expect(fourth!.source?.authors).toBe('Nguyễn Văn Hòa, Sở Thông tin và Truyền thông');
  });
});

describe('PDF text extraction with two-line titles and captions on their own lines', () => {
  it('joins two-line titles and finds the period written in words', async () => {
    const proposal = await analyse('trich-xuat-pdf.txt');
    expect(proposal).toMatchObject({
      publication: 'BẢN TIN CẢI CÁCH HÀNH CHÍNH TỈNH HÀ GIANG',
      number: 5,
      year: 2025,
      periodStart: '2025-03-01',
      periodEnd: '2025-03-15',
    });
    expect(outline(proposal)).toEqual([
      [
        'Cải cách địa phương',
        [
          'Hà Giang: Trung tâm Phục vụ hành chính công cấp xã đi vào hoạt động ổn định sau sắp xếp',
          'Đồng Văn số hóa hồ sơ hộ tịch, rút ngắn thời gian giải quyết thủ tục cho người dân vùng cao',
        ],
      ],
      ['Quản lý hành chính', ['Chấn chỉnh tình trạng chậm trễ trong giải quyết hồ sơ đất đai tại một số xã']],
      ['Phân tích – bình luận', ['Chuyển đổi số ở cơ sở: cần con người trước công nghệ']],
    ]);
  });

  it('pairs captions with credits on the next line and marks the unsure title', async () => {
    const proposal = await analyse('trich-xuat-pdf.txt');
    expect(images(proposal)).toEqual([
      ['Cán bộ Trung tâm Phục vụ hành chính công xã Bắc Mê hướng dẫn người dân', 'Ảnh: Minh Tâm'],
      ['Công chức tư pháp xã Đồng Văn số hóa sổ hộ tịch.', null],
      ['Toàn cảnh cuộc họp giao ban về cải cách hành chính tháng 3.', 'Ảnh: Hoàng Anh'],
    ]);
    expect(articles(proposal).map((article) => [article.confidence.title, article.source?.authors ?? article.source?.outlet])).toEqual([
      ['high', 'Minh Tâm'],
      ['low', 'baohagiang.vn'],
      ['high', 'Hoàng Anh'],
      ['high', 'Đỗ Quang Minh'],
    ]);
  });
});
