// `npm run user:create -- email@so.gov.vn "Họ và tên"`: creates an admin account (the first one
// on a production database) on DATABASE_URL's database, or the embedded one. The password comes
// from NEW_USER_PASSWORD or is typed at a hidden prompt; it never appears in arguments.
import { StartupError, openDatabase, scriptEnv } from './lib/database.ts';
import { Prisma } from '../src/generated/prisma/client.ts';
import { createDatabase } from '../src/server/db/client.ts';
import { createAdminAsSystem, passwordSchema } from '../src/server/users/commands.ts';
import { DomainError } from '../src/server/errors.ts';

const USAGE = 'Cách dùng: npm run user:create -- <email> "<họ và tên>" (mật khẩu lấy từ NEW_USER_PASSWORD hoặc nhập khi được hỏi).';

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) {
    return Promise.reject(new StartupError('Không có terminal để nhập mật khẩu; hãy đặt biến NEW_USER_PASSWORD.'));
  }
  process.stdout.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') return finish();
        if (character === '\u0003') return finish(new StartupError('Đã hủy.'));
        if (character === '\u007f' || character === '\b') value = [...value].slice(0, -1).join('');
        else if (character >= ' ') value += character;
      }
    };
    input.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = scriptEnv().NEW_USER_PASSWORD;
  if (fromEnv) return fromEnv;
  const password = await promptHidden('Mật khẩu (ít nhất 10 ký tự): ');
  if ((await promptHidden('Nhập lại mật khẩu: ')) !== password) throw new StartupError('Hai lần nhập mật khẩu không khớp.');
  return password;
}

async function main(): Promise<number> {
  const [email, name, ...rest] = process.argv.slice(2);
  if (!email || !name || rest.length > 0) {
    console.error(USAGE);
    return 1;
  }
  const password = await readPassword();
  // Refused before any database is opened or started.
  const strength = passwordSchema.safeParse(password);
  if (!strength.success) throw new StartupError(strength.error.issues[0]!.message);
  const database = await openDatabase();
  const db = createDatabase(database.url);
  try {
    const user = await createAdminAsSystem(db, { email, name, password });
    console.log(`Đã tạo tài khoản Quản trị ${user.email} (${user.name}); đăng nhập tại /dang-nhap.`);
    return 0;
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof DomainError) {
      const details = Object.values(error.fieldErrors);
      console.error(details.length ? details.join(' ') : error.message);
    } else if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2021') {
      console.error('Cơ sở dữ liệu chưa có bảng nào: hãy chạy npm run db:migrate (hoặc npm start) trước.');
    } else {
      console.error(error instanceof StartupError ? error.message : error);
    }
    process.exit(1);
  },
);
