'use client';
import { MISSING, NO_PARTICIPANT } from '@/lib/analysis/types';
import { useI18n } from '../I18nProvider';

/** A column value as a person reads it: the (missing) and (no participant) columns translated. */
export function useValueLabel(): (value: string) => string {
  const { t } = useI18n();
  return (value) => (value === MISSING ? t('analysis.missing') : value === NO_PARTICIPANT ? t('analysis.noParticipant') : value);
}
