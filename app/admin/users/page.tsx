import { requireAdmin } from '@/server/edge/session';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/queries/users';
import { UsersAdmin } from '@/components/UsersAdmin';

export default async function UsersPage() {
  const admin = await requireAdmin();
  return (
    <div className="page">
      <UsersAdmin users={await listUsers(getDb())} selfId={admin.id} />
    </div>
  );
}
