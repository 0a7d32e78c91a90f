'use client';

import Link from 'next/link';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main id="noi-dung" className="error-page">
      <h1>Đã có lỗi xảy ra</h1>
      <p>Hệ thống chưa hiển thị được trang này. Vui lòng thử lại sau ít phút.</p>
      <p>
        <button type="button" className="button" onClick={reset}>
          Thử lại
        </button>{' '}
        <Link href="/">Về trang chủ</Link>
      </p>
    </main>
  );
}
