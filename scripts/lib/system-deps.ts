// The test suite needs Debian's Chromium (Playwright cannot download its own here) and
// poppler-utils (pdftotext/pdfinfo check the print PDF). Installs them when missing and
// allowed (root with apt-get); otherwise says exactly what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const REQUIRED = [
  { file: '/usr/bin/chromium', pkg: 'chromium' },
  { file: '/usr/bin/pdftotext', pkg: 'poppler-utils' },
  { file: '/usr/bin/pdftoppm', pkg: 'poppler-utils' },
];

export function ensureSystemPackages(): void {
  const missing = [...new Set(REQUIRED.filter((r) => !existsSync(r.file)).map((r) => r.pkg))];
  if (missing.length === 0) return;
  const canInstall = process.getuid?.() === 0 && spawnSync('which', ['apt-get']).status === 0;
  if (!canInstall) {
    throw new Error(`Thiếu gói hệ thống: ${missing.join(', ')}. Cài bằng: sudo apt-get install -y ${missing.join(' ')}`);
  }
  console.log(`▶ Cài gói hệ thống còn thiếu: ${missing.join(', ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
}
