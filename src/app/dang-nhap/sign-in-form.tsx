'use client';

import { signIn } from 'next-auth/react';
import { useRef, useState, type FormEvent } from 'react';
import { useHydrated } from '@/components/admin/use-hydrated';

// Keys are the codes of src/server/auth/options.ts (SIGN_IN_ERROR) and next-auth's own
// "CredentialsSignin"; the same words for an unknown email and a wrong password.
const ERROR_MESSAGES: Record<string, string> = {
  CredentialsSignin: 'Email hoặc mật khẩu không đúng.',
  Throttled: 'Bạn đã thử đăng nhập sai nhiều lần liên tiếp. Vui lòng đợi một lát rồi thử lại.',
  // Only after the correct password (src/server/auth/sign-in.ts).
  Inactive: 'Tài khoản đã bị khoá. Vui lòng liên hệ quản trị viên.',
};
const FALLBACK_MESSAGE = 'Hệ thống chưa đăng nhập được. Vui lòng thử lại sau ít phút.';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const isHydrated = useHydrated();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // Said in Vietnamese here rather than by the browser's own (English) checks.
    if (!String(form.get('email') ?? '').trim() || !String(form.get('password') ?? '')) {
      setError('Hãy nhập email và mật khẩu.');
      return;
    }
    setPending(true);
    setError(null);
    let result;
    try {
      result = await signIn('credentials', {
        redirect: false,
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
      });
    } catch {
      result = undefined;
    }
    if (result?.ok && !result.error) {
      // A full load, so the admin area renders with the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError((result?.error && ERROR_MESSAGES[result.error]) || FALLBACK_MESSAGE);
    if (passwordRef.current) {
      passwordRef.current.value = '';
      passwordRef.current.focus();
    }
  }

  return (
    // method="post" keeps the password out of the address bar if the script never ran.
    <form method="post" onSubmit={handleSubmit} className="admin-form sign-in__form" noValidate>
      <div role="alert" className="form-outcome form-outcome--error" id="loi-dang-nhap">
        {error}
      </div>
      <div className="admin-field">
        <label htmlFor="email">Email</label>
        <input
          id="email"
          name="email"
          type="email"
          aria-required="true"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={254}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'loi-dang-nhap' : undefined}
        />
      </div>
      <div className="admin-field">
        <label htmlFor="password">Mật khẩu</label>
        <input
          ref={passwordRef}
          id="password"
          name="password"
          type="password"
          aria-required="true"
          autoComplete="current-password"
          maxLength={1024}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'loi-dang-nhap' : undefined}
        />
      </div>
      <button
        type="submit"
        className="admin-button admin-button--primary sign-in__submit"
        disabled={!isHydrated || isPending}
        aria-busy={isPending}
      >
        Đăng nhập
      </button>
    </form>
  );
}
