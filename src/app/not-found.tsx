import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="noi-dung" className="error-page">
      <h1>Không tìm thấy trang</h1>
      <p>Trang bạn tìm không tồn tại hoặc chưa được xuất bản.</p>
      <p>
        <Link href="/">Về trang chủ</Link> · <Link href="/ban-tin">Xem các số bản tin</Link>
      </p>
    </main>
  );
}
