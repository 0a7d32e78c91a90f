'use client';

import { signOut } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from '@/components/admin/use-hydrated';

export function SignOutButton() {
  const router = useRouter();
  const [isPending, setPending] = useState(false);
  const isHydrated = useHydrated();

  async function handleClick() {
    setPending(true);
    try {
      // next-auth's own redirect would go to NEXTAUTH_URL's host, which may not be the one in use.
      await signOut({ redirect: false });
    } finally {
      router.replace('/dang-nhap');
      router.refresh();
    }
  }

  return (
    <button
      type="button"
      className="admin-button admin-button--on-dark"
      onClick={handleClick}
      disabled={!isHydrated || isPending}
      aria-busy={isPending}
    >
      Đăng xuất
    </button>
  );
}
