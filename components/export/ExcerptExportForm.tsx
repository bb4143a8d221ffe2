'use client';
import { useMemo, useState } from 'react';
import { DEFAULT_ATTRIBUTION_TEMPLATE, parseTemplate, unknownFields, TemplateError } from '@/lib/export/attribution';
import { excerptQueryString, type ExcerptFormat } from '@/lib/export/excerpt-query';
import { parseLayer } from '@/lib/access/layers';
import { parseLanguageTag } from '@/lib/translation/language-tag';
import { useI18n } from '../I18nProvider';

export interface ExportCodeOption {
  id: number;
  path: string;
  depth: number;
}

export interface ExportAttributeOption {
  scope: 'participant' | 'document';
  name: string;
  /** The values a filter may pick: categories, bin labels or the values found. */
  values: string[];
  bins?: { label: string; min: number; max: number }[];
}

export interface ExportLayerOption {
  /** 'consensus' or 'coder:<id>' */
  key: string;
  label: string;
}

const FORMATS: { format: ExcerptFormat; label: string }[] = [
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'xlsx', label: 'Excel (.xlsx)' },
  { format: 'csv', label: 'CSV' },
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
];

const LANGUAGES = ['en', 'ru', 'kk'] as const;

export interface ExportSetOption {
  id: number;
  kind: 'code' | 'document' | 'participant';
  name: string;
  size: number;
}

/**
 * The excerpt export: the analysis filters (code or subtree, documents, attribute values,
 * layer), how the file reads (attribution template, definitions, translations beneath or a
 * language side by side, context turns), and one download link per format. The links are
 * plain GET requests to the export API, so a download is a download.
 */
export function ExcerptExportForm({
  projectId,
  codes,
  documents,
  attributes,
  layers,
  sets = [],
}: {
  projectId: string;
  codes: ExportCodeOption[];
  documents: { id: number; title: string }[];
  attributes: ExportAttributeOption[];
  layers: ExportLayerOption[];
  /** The project's code, document and participant sets. */
  sets?: ExportSetOption[];
}) {
  const { t } = useI18n();
  const [codeId, setCodeId] = useState('');
  const [subtree, setSubtree] = useState(true);
  const [docIds, setDocIds] = useState<number[]>([]);
  const [chosenSets, setChosenSets] = useState<Partial<Record<ExportSetOption['kind'], number>>>({});
  const [attrValues, setAttrValues] = useState<Record<string, string>>({});
  const [layer, setLayer] = useState('');
  const [lang, setLang] = useState('');
  const [otherLang, setOtherLang] = useState('');
  const [template, setTemplate] = useState(DEFAULT_ATTRIBUTION_TEMPLATE);
  const [definitions, setDefinitions] = useState(false);
  const [translations, setTranslations] = useState(false);
  const [context, setContext] = useState(false);

  const language = lang === 'other' ? (parseLanguageTag(otherLang) ?? undefined) : lang || undefined;
  const langProblem = lang === 'other' && otherLang.trim() !== '' && !parseLanguageTag(otherLang);

  const templateProblem = useMemo(() => {
    try {
      const unknown = unknownFields(parseTemplate(template), attributes);
      return unknown.length ? t('exports.template.unknown', { fields: unknown.map((u) => `{${u}}`).join(', ') }) : null;
    } catch (e) {
      if (e instanceof TemplateError) return e.message;
      throw e;
    }
  }, [template, attributes, t]);

  const query = (format: ExcerptFormat) =>
    excerptQueryString({
      format,
      codeIds: codeId && !subtree ? [Number(codeId)] : [],
      subtreeIds: codeId && subtree ? [Number(codeId)] : [],
      documentIds: docIds,
      setIds: Object.values(chosenSets).filter((id): id is number => id != null),
      attributes: Object.entries(attrValues)
        .filter(([, v]) => v !== '')
        .map(([key, v]) => ({ name: key, values: [v] })),
      layers: layer === 'all' ? 'all' : layer ? [parseLayer(layer)!] : undefined,
      language,
      template: template.trim() && template !== DEFAULT_ATTRIBUTION_TEMPLATE ? template : undefined,
      definitions,
      translations,
      context,
    });
  const blocked = !!templateProblem || langProblem;

  const attrKey = (a: ExportAttributeOption) => (attributes.filter((b) => b.name === a.name).length > 1 ? `${a.scope}:${a.name}` : a.name);

  return (
    <div className="export-form" data-testid="excerpt-export">
      <fieldset>
        <legend>{t('exports.filters')}</legend>
        <label className="stack-label">
          {t('exports.code')}
          <select value={codeId} onChange={(e) => setCodeId(e.target.value)} aria-label={t('exports.code')}>
            <option value="">{t('exports.code.all')}</option>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {'\u00a0\u00a0'.repeat(c.depth)}
                {c.path}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          <input type="checkbox" checked={subtree} disabled={!codeId} onChange={(e) => setSubtree(e.target.checked)} /> {t('exports.subtree')}
        </label>
        {(['code', 'document', 'participant'] as const).map((kind) => {
          const ofKind = sets.filter((x) => x.kind === kind);
          if (ofKind.length === 0) return null;
          return (
            <label key={kind} className="stack-label">
              {t(`analysis.sets.${kind}`)}
              <select
                value={chosenSets[kind] ?? ''}
                data-testid={`export-set-${kind}`}
                onChange={(e) => setChosenSets({ ...chosenSets, [kind]: e.target.value ? Number(e.target.value) : undefined })}
              >
                <option value="">{t('analysis.sets.none')}</option>
                {ofKind.map((x) => (
                  <option key={x.id} value={x.id}>
                    {t('analysis.sets.option', { name: x.name, n: x.size })}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
        <details className="export-documents">
          <summary>{docIds.length ? t('exports.documents.some', { n: docIds.length }) : t('exports.documents.all')}</summary>
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                <label className="inline-label">
                  <input
                    type="checkbox"
                    checked={docIds.includes(d.id)}
                    onChange={(e) => setDocIds(e.target.checked ? [...docIds, d.id] : docIds.filter((x) => x !== d.id))}
                  />{' '}
                  {d.title}
                </label>
              </li>
            ))}
          </ul>
        </details>
        <div className="export-attributes">
          {attributes.map((a) => (
            <label key={`${a.scope}:${a.name}`} className="stack-label">
              {a.name}
              <select value={attrValues[attrKey(a)] ?? ''} onChange={(e) => setAttrValues({ ...attrValues, [attrKey(a)]: e.target.value })}>
                <option value="">{t('exports.attribute.any')}</option>
                {a.values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
        <label className="stack-label">
          {t('exports.layer')}
          <select value={layer} onChange={(e) => setLayer(e.target.value)} aria-label={t('exports.layer')}>
            <option value="">{t('exports.layer.default')}</option>
            <option value="all">{t('exports.layer.all')}</option>
            {layers.map((l) => (
              <option key={l.key} value={l.key}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
      </fieldset>

      <fieldset>
        <legend>{t('exports.layout')}</legend>
        <label className="stack-label">
          {t('exports.template')}
          <input type="text" value={template} onChange={(e) => setTemplate(e.target.value)} aria-invalid={!!templateProblem} spellCheck={false} />
        </label>
        <p className="hint">{t('exports.template.hint', { fields: [...attributes.map((a) => `{${a.name}}`), '{label}', '{document}', '{code}', '{turn}'].join(' ') })}</p>
        {templateProblem && (
          <p className="error" role="alert">
            {templateProblem}
          </p>
        )}
        <label className="stack-label">
          {t('exports.language')}
          <select value={lang} onChange={(e) => setLang(e.target.value)}>
            <option value="">{t('exports.language.none')}</option>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`exports.language.${l}`)}
              </option>
            ))}
            <option value="other">{t('exports.language.other')}</option>
          </select>
        </label>
        {lang === 'other' && (
          <label className="stack-label">
            {t('exports.language.code')}
            <input type="text" value={otherLang} onChange={(e) => setOtherLang(e.target.value)} placeholder="de, tr, kk-Latn" aria-invalid={langProblem} />
          </label>
        )}
        {langProblem && <p className="error">{t('exports.language.invalid')}</p>}
        <label className="inline-label">
          <input type="checkbox" checked={definitions} onChange={(e) => setDefinitions(e.target.checked)} /> {t('exports.definitions')}
        </label>
        <label className="inline-label">
          <input type="checkbox" checked={translations} disabled={!!language} onChange={(e) => setTranslations(e.target.checked)} /> {t('exports.translations')}
        </label>
        <label className="inline-label">
          <input type="checkbox" checked={context} onChange={(e) => setContext(e.target.checked)} /> {t('exports.context')}
        </label>
      </fieldset>

      <div className="export-downloads" role="group" aria-label={t('exports.download')}>
        <span>{t('exports.download')}:</span>
        {FORMATS.map(({ format, label }) =>
          blocked ? (
            <span key={format} className="button disabled" aria-disabled="true">
              {label}
            </span>
          ) : (
            <a key={format} className="button" href={`/api/v1/projects/${projectId}/excerpts-export?${query(format)}`} download data-format={format}>
              {label}
            </a>
          ),
        )}
      </div>
    </div>
  );
}
