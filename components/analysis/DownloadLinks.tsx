'use client';
import { useI18n } from '../I18nProvider';

/** Where a table's files are: CSV, XLSX and more layouts (long, 0/1, ; with decimal comma …), each with its label's key. */
export interface TableDownloads {
  csv: string;
  xlsx: string;
  /** The SPSS system file (the case matrix only). */
  sav?: string;
  more?: Array<{ key: 'analysis.download.long' | 'analysis.download.presence' | 'analysis.download.semicolon'; href: string }>;
}

/** "Download: CSV XLSX …", the toolbar entry every analysis table has; `children` follow the links (chart files). */
export function DownloadLinks({ downloads, children }: { downloads: TableDownloads; children?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <span className="downloads">
      {t('analysis.download')}:{' '}
      <a href={downloads.csv} download>
        {t('analysis.download.csv')}
      </a>{' '}
      <a href={downloads.xlsx} download>
        {t('analysis.download.xlsx')}
      </a>
      {downloads.sav && (
        <>
          {' '}
          <a href={downloads.sav} download data-testid="download-sav" title={t('analysis.download.savHint')}>
            {t('analysis.download.sav')}
          </a>
        </>
      )}
      {downloads.more?.map((d) => (
        <span key={d.key}>
          {' '}
          <a href={d.href} download>
            {t(d.key)}
          </a>
        </span>
      ))}
      {children}
    </span>
  );
}
