/** Sign-in's callbackUrl goes to a path on this site only (issue 16, item 9). */
import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './callback';

const APP = 'http://localhost:3000';

describe('safeCallbackPath', () => {
  it('keeps a path on this site, with its query and fragment', () => {
    for (const path of ['/', '/projects/3', '/projects/3/documents/7?focus=12#t4', '/search?q=%D0%B0%20b', '/search?q=%2F%2Fx', '/a/b/../c']) {
      expect(safeCallbackPath(path)).toBe(path);
      expect(safeCallbackPath(path, APP)).toBe(path);
    }
  });

  it('gives / for anything that could leave the site', () => {
    const hostile = [
      '//evil.example',
      '//evil.example/projects',
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      '\\/evil.example',
      '/%5Cevil',
      '/%5cevil.example',
      '/%2F%2Fevil.example',
      '/%2fevil.example',
      '%2F%2Fevil.example',
      '/%255Cevil', // decodes to /%5Cevil, then to /\evil
      '/%09/evil.example', // decodes to /<tab>/evil.example
      '/%2F%09%2Fevil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      '/ /evil.example',
      '/\u0000/evil',
      '/\u2028/evil',
      'https://evil.example',
      'https://evil.example/projects/1',
      'http:evil.example',
      'HTTPS://evil.example',
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'evil.example',
      'projects/1',
      '',
      '/%E0%A4%A', // malformed percent-encoding
      '/' + 'a'.repeat(2001),
    ];
    for (const raw of hostile) {
      expect(safeCallbackPath(raw), raw).toBe('/');
      expect(safeCallbackPath(raw, APP), raw).toBe('/');
    }
  });

  it('gives / for what is not a string (a repeated query parameter is an array)', () => {
    for (const raw of [undefined, null, 3, ['/projects', '//evil.example'], {}]) expect(safeCallbackPath(raw)).toBe('/');
  });

  it('with the app origin, accepts an absolute URL on exactly that origin, as its path', () => {
    expect(safeCallbackPath('http://localhost:3000/projects/3?x=1#y', APP)).toBe('/projects/3?x=1#y');
    expect(safeCallbackPath('http://localhost:3000', APP)).toBe('/');
    // another port, scheme or host is another origin
    for (const raw of ['http://localhost:4000/projects', 'https://localhost:3000/projects', 'http://localhost.evil.example:3000/', 'http://localhost:3000@evil.example/']) {
      expect(safeCallbackPath(raw, APP), raw).toBe('/');
    }
    // without the origin an absolute URL is never accepted
    expect(safeCallbackPath('http://localhost:3000/projects/3')).toBe('/');
    // the path of a same-origin URL is held to the same rules
    expect(safeCallbackPath('http://localhost:3000/%5Cevil.example', APP)).toBe('/');
  });
});
