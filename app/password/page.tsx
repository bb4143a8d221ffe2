import { requireSignedIn } from '@/server/edge/session';
import { getT } from '@/server/edge/i18n';
import { PasswordForm } from '@/components/PasswordForm';

/** Change one's password; where a user whose password an admin reset is sent first. */
export default async function PasswordPage() {
  const user = await requireSignedIn();
  const t = await getT();
  return (
    <div className="page narrow">
      <h1>{t('password.title')}</h1>
      {user.mustChangePassword && (
        <p role="note" className="notice">
          {t('password.mustChange')}
        </p>
      )}
      <PasswordForm then="/" />
    </div>
  );
}
