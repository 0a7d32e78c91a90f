import { describe, expect, it } from 'vitest';
import { AuthError } from '@/server/errors';
import { listUsers } from '@/server/users/queries';
import { actorFor, createUser } from '../../../factories/users';

describe('listUsers', () => {
  it('shows an admin every account, active ones first, without password hashes', async () => {
    const inactive = await createUser({ isActive: false });
    const users = await listUsers(await actorFor('quantri@demo.local'));
    expect(users.map((user) => user.email)).toEqual(
      expect.arrayContaining(['quantri@demo.local', 'bientap@demo.local', 'duyet@demo.local', inactive.email]),
    );
    expect(users.at(-1)?.email).toBe(inactive.email);
    expect(Object.keys(users[0]!).sort()).toEqual(['createdAt', 'email', 'id', 'isActive', 'name', 'role']);
  });

  it('answers nobody who is not signed in', async () => {
    await expect(listUsers(null)).rejects.toThrow(AuthError);
  });
});
