import { getT } from '@/server/edge/i18n';

export default async function NotFound() {
  const t = await getT();
  return (
    <div className="page narrow">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.text')}</p>
    </div>
  );
}
