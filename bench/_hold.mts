import { openDatabase } from '../scripts/lib/database.ts';
const d = await openDatabase();
console.log('URL', d.url);
process.on('SIGTERM', async () => { await d.embedded?.stop(); process.exit(0); });
setInterval(() => {}, 1 << 30);
