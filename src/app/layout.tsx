import type { Metadata, Viewport } from 'next';
import '@fontsource/noto-serif/400.css';
import '@fontsource/noto-serif/400-italic.css';
import '@fontsource/noto-serif/700.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/700.css';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Bản tin Cải cách hành chính', template: '%s · Bản tin CCHC' },
  description: 'Bản tin thông tin cải cách hành chính của Sở Nội vụ.',
};

export const viewport: Viewport = { themeColor: '#1d3a6e' };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <body>{children}</body>
    </html>
  );
}
