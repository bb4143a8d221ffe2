'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useI18n } from '../I18nProvider';
import { parseLayer } from '@/lib/access/layers';

/** Which layers are on screen, and which one new codings go to; kept in the URL. */
export function LayerPicker({
  choices,
  selected,
  edit,
  editable,
  coderColors,
}: {
  choices: Array<{ key: string; label: string }>;
  selected: string[];
  edit: string | null;
  editable: string[];
  coderColors: Record<number, string> | null;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const go = (layers: string[], editKey: string | null) => {
    const q = new URLSearchParams();
    q.set('layers', layers.join(','));
    if (editKey) q.set('edit', editKey);
    router.push(`${pathname}?${q}`);
  };
  return (
    <div className="layer-picker" data-testid="layer-picker">
      <span>{t('editor.layers')}:</span>
      {choices.map((c) => {
        const layer = parseLayer(c.key);
        const color = coderColors && layer?.kind === 'coder' ? coderColors[layer.coderId] : undefined;
        return (
          <label key={c.key} style={color ? { borderBottom: `3px solid ${color}` } : undefined}>
            <input
              type="checkbox"
              checked={selected.includes(c.key)}
              onChange={(e) => go(e.target.checked ? [...selected, c.key] : selected.filter((k) => k !== c.key), edit)}
            />{' '}
            {c.label}
          </label>
        );
      })}
      {editable.length > 0 && (
        <label>
          {t('editor.editing')}:{' '}
          <select value={edit ?? ''} onChange={(e) => go(selected.includes(e.target.value) ? selected : [...selected, e.target.value], e.target.value)}>
            {editable.map((k) => (
              <option key={k} value={k}>
                {choices.find((c) => c.key === k)?.label ?? k}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
