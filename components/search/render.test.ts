/**
 * The search screen's components render (server-side, as on first load) with Kazakh text,
 * in every language: a smoke test of their markup, not of their behaviour (e2e/search.spec.ts).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => undefined, refresh: () => undefined }), usePathname: () => '/projects/1/search' }));
vi.mock('@/server/actions/search', () => ({
  previewAutocodeAction: vi.fn(),
  applyAutocodeAction: vi.fn(),
  undoAutocodeAction: vi.fn(),
  saveSearchAction: vi.fn(),
  deleteSavedSearchAction: vi.fn(),
}));

import { EMPTY_SEARCH, type SearchOptions } from '@/lib/search/options';
import { I18nProvider } from '../I18nProvider';
import { SavedSearches } from './SavedSearches';
import { SearchForm } from './SearchForm';
import { SearchResults } from './SearchResults';
import type { SearchResult } from '@/lib/search/views';

const options: SearchOptions = { ...EMPTY_SEARCH, q: 'әкімдік*', participant: [{ attributeId: 6, values: ['18–29'] }] };
const codes = [{ id: 7, name: 'Akimat appeals', path: 'Channels / Akimat appeals', color: '#123456', archived: false }];

const result: SearchResult = {
  empty: false,
  total: 3,
  turns: 2,
  documents: [
    { documentId: 1, title: 'FG01 Almaty — group 1', attributes: { city: 'Almaty', language: 'Kazakh' }, hits: 2 },
    { documentId: 2, title: 'FG02 Almaty — group 2', attributes: { city: 'Almaty' }, hits: 1 },
  ],
  hits: [
    {
      documentId: 1,
      documentTitle: 'FG01 Almaty — group 1',
      turnSeq: 3,
      speaker: { kind: 'participant', label: 'P1', participantId: 11 },
      start: 4,
      end: 13,
      snippet: { before: 'Мен ', match: 'әкімдікке', after: ' e-Otinish арқылы жаздым 👍' },
      coded: true,
    },
    {
      documentId: 1,
      documentTitle: 'FG01 Almaty — group 1',
      turnSeq: 5,
      speaker: { kind: 'moderator', label: 'Модератор', participantId: null },
      start: 80,
      end: 87,
      snippet: { before: '', match: 'Әкімдік', after: ' туралы не ойлайсыз?' },
      coded: false,
    },
  ],
  participants: { 11: { label: 'P1', attributes: { gender: 'Female', age: '25' } } },
  offset: 0,
  limit: 2,
  truncated: false,
};

function render(locale: 'en' | 'ru' | 'kk', element: ReturnType<typeof createElement>) {
  return renderToStaticMarkup(createElement(I18nProvider, { locale, children: element }));
}

describe('search components', () => {
  for (const locale of ['en', 'ru', 'kk'] as const) {
    it(`render in ${locale}`, () => {
      const form = render(locale, createElement(SearchForm, { options, choices: [{ attributeId: 6, scope: 'participant', name: 'age', values: ['18–29', '30–44'] }], codes }));
      expect(form).toContain('value="әкімдік*"');
      expect(form).toContain('18–29');
      const results = render(
        locale,
        createElement(SearchResults, {
          projectId: '1',
          documentBase: '/projects/1/documents',
          result,
          options,
          codes,
          canCode: true,
          isCoder: true,
          pageSize: 2,
          maxShown: 10,
        }),
      );
      expect(results).toContain('<mark>әкімдікке</mark>');
      expect(results).toContain('href="/projects/1/documents/1?hit=4-13&amp;q=%D3%99');
      expect(results).toContain('limit=4');
      // every string came from the catalogue (a missing key would show as itself)
      for (const html of [form, results]) expect(html).not.toMatch(/\b(search|doc)\.[a-zA-Z]/);
      const saved = render(
        locale,
        createElement(SavedSearches, {
          projectId: '1',
          saved: [{ id: 1, name: 'Әкімдік', options, createdBy: 2, createdByName: 'Coder One', updatedAt: '2024-11-01T00:00:00Z' }],
          current: options,
          userId: 2,
          isLead: false,
        }),
      );
      expect(saved).toContain('href="?q=%D3%99');
      expect(saved).not.toMatch(/\bsearch\.[a-zA-Z]/);
    });
  }
});
