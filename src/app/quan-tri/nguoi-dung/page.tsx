import type { Metadata } from 'next';
import { requirePageActor } from '@/server/auth/session';
import { NoAccess } from '@/components/admin/no-access';
import { can, ROLE_LABELS } from '@/server/permissions';
import { listUsers } from '@/server/users/queries';
import { formatDate } from '@/lib/dates';
import { changeRoleAction, createUserAction, resetPasswordAction, setActiveAction } from './actions';
import { ActionForm, CreateUserForm } from './forms';

export const metadata: Metadata = { title: 'Người dùng' };

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

export default async function UsersPage() {
  const actor = await requirePageActor('/quan-tri/nguoi-dung');
  if (!can(actor, 'user.manage')) {
    return <NoAccess />;
  }
  const users = await listUsers(actor);

  return (
    <>
      <h1 className="admin-title">Người dùng</h1>
      <p className="admin-lead">Đổi vai trò, ngừng hoạt động hay đặt lại mật khẩu sẽ kết thúc ngay mọi phiên đăng nhập của tài khoản đó.</p>

      <section aria-labelledby="tieu-de-them" className="admin-panel">
        <h2 id="tieu-de-them">Thêm người dùng</h2>
        <CreateUserForm action={createUserAction} roles={ROLE_OPTIONS} />
      </section>

      <section aria-labelledby="tieu-de-danh-sach" className="admin-panel">
        <h2 id="tieu-de-danh-sach">Danh sách tài khoản ({users.length})</h2>
        <ul className="user-list">
          {users.map((user) => {
            const isSelf = user.id === actor.id;
            return (
              <li key={user.id} className={user.isActive ? 'user-card' : 'user-card user-card--inactive'}>
                <div className="user-card__summary">
                  <h3 className="user-card__name">
                    {user.name}
                    {isSelf ? <span className="user-card__self"> (bạn)</span> : null}
                  </h3>
                  <p className="user-card__meta">
                    <span>{user.email}</span>
                    <span>{ROLE_LABELS[user.role]}</span>
                    <span className={user.isActive ? 'badge badge--ok' : 'badge badge--off'}>
                      {user.isActive ? 'Đang hoạt động' : 'Đã ngừng hoạt động'}
                    </span>
                    <span>Tạo ngày {formatDate(user.createdAt)}</span>
                  </p>
                </div>
                <div className="user-card__actions">
                  <ActionForm
                    action={changeRoleAction}
                    submitLabel={
                      <>
                        Đổi vai trò<span className="visually-hidden"> của {user.name}</span>
                      </>
                    }
                  >
                    <input type="hidden" name="userId" value={user.id} />
                    <label htmlFor={`vai-tro-${user.id}`}>
                      Vai trò<span className="visually-hidden"> của {user.name}</span>
                    </label>
                    <select id={`vai-tro-${user.id}`} name="role" defaultValue={user.role}>
                      {ROLE_OPTIONS.map((role) => (
                        <option key={role.value} value={role.value}>
                          {role.label}
                        </option>
                      ))}
                    </select>
                  </ActionForm>
                  <ActionForm
                    action={setActiveAction}
                    submitLabel={
                      <>
                        {user.isActive ? 'Ngừng hoạt động' : 'Kích hoạt lại'}
                        <span className="visually-hidden"> tài khoản {user.name}</span>
                      </>
                    }
                  >
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="isActive" value={user.isActive ? 'false' : 'true'} />
                  </ActionForm>
                  <ActionForm
                    action={resetPasswordAction}
                    submitLabel={
                      <>
                        Đặt lại mật khẩu<span className="visually-hidden"> của {user.name}</span>
                      </>
                    }
                  >
                    <input type="hidden" name="userId" value={user.id} />
                    <label htmlFor={`mat-khau-${user.id}`}>
                      Mật khẩu mới<span className="visually-hidden"> của {user.name}</span>
                    </label>
                    <input
                      id={`mat-khau-${user.id}`}
                      name="password"
                      type="password"
                      aria-required="true"
                      maxLength={256}
                      autoComplete="new-password"
                    />
                  </ActionForm>
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
