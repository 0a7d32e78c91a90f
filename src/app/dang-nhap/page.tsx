import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeCallbackUrl } from '@/server/auth/redirects';
import { getActor } from '@/server/auth/session';
import { SignInForm } from './sign-in-form';
import '../quan-tri/admin.css';

export const metadata: Metadata = { title: 'Đăng nhập', robots: { index: false, follow: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl } = await searchParams;
  const destination = safeCallbackUrl(callbackUrl);
  if (await getActor()) redirect(destination);

  return (
    <main id="noi-dung" className="sign-in">
      <div className="sign-in__card">
        <p className="sign-in__kicker">Bản tin Cải cách hành chính</p>
        <h1 className="sign-in__title">Đăng nhập</h1>
        <p className="sign-in__intro">Dành cho biên tập viên, lãnh đạo phòng và quản trị viên.</p>
        <SignInForm callbackUrl={destination} />
        <noscript>
          <p className="form-outcome form-outcome--error">Trang đăng nhập cần bật JavaScript trong trình duyệt.</p>
        </noscript>
        <p className="sign-in__back">
          <Link href="/">Về trang chủ</Link>
        </p>
      </div>
    </main>
  );
}
