import { strToU8, unzipSync, zipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emailKey, parseExtension } from './extension';
import { readQdpx, writeQdpx } from './index';
import type { RefiProject } from './types';

const project = (): RefiProject => ({
  name: 'P',
  users: [{ guid: 'user-1', name: 'Aigerim' }],
  codes: [{ guid: 'code-1', name: 'Trust', children: [] }],
  variables: [{ guid: 'attr-1', name: 'age', type: 'Integer' }],
  cases: [],
  sources: [{ guid: 'doc-1', name: 'FG01', text: 'Hello', variableValues: [], selections: [] }],
  notes: [],
  extension: {
    variables: [{ guid: 'attr-1', scope: 'participant', type: 'number', values: [], bins: [{ label: '18–29', min: 18, max: 29 }] }],
    codes: [{ guid: 'code-1', shortcut: '1' }],
    users: [{ guid: 'user-1', emailKey: emailKey(' Aigerim@Uni.KZ ') }],
    assignments: [
      { sourceGuid: 'doc-1', userGuid: 'user-1', status: 'in_progress' },
      { sourceGuid: 'doc-unknown', userGuid: 'user-1', status: 'done' },
    ],
  },
});

describe('fgcoder.json', () => {
  it('travels beside project.qde under the GUIDs project.qde gives, and reads back', () => {
    const bytes = writeQdpx(project());
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()[0]).toBe('fgcoder.json');
    expect(strFromU8(files['project.qde'])).not.toContain('fgcoder-refi-extension');
    const { project: read } = readQdpx(bytes);
    const ext = read.extension!;
    expect(ext.codes).toEqual([{ guid: read.codes[0].guid, shortcut: '1' }]);
    expect(ext.variables[0]).toMatchObject({ guid: read.variables[0].guid, type: 'number', bins: [{ label: '18–29', min: 18, max: 29 }] });
    expect(ext.users).toEqual([{ guid: read.users[0].guid, emailKey: emailKey('aigerim@uni.kz') }]);
    // a reference to nothing in the project is left out
    expect(ext.assignments).toEqual([{ sourceGuid: read.sources[0].guid, userGuid: read.users[0].guid, status: 'in_progress' }]);
  });

  it('holds no email, only a key of it', () => {
    const text = Object.values(unzipSync(writeQdpx(project()))).map((b) => strFromU8(b)).join('\n');
    expect(text).not.toMatch(/@uni\.kz/i);
    expect(emailKey('a@b.kz')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is a warning, never a refusal, when it is not ours or not readable', () => {
    for (const [text, says] of [
      ['{not json', /not valid JSON/],
      ['{"format":"other","version":1}', /not this app's extension/],
      ['{"format":"fgcoder-refi-extension","version":99}', /newer/],
    ] as const) {
      const r = parseExtension(text);
      expect(r.extension).toBeUndefined();
      expect(r.problems[0].message).toMatch(says);
      expect(r.problems[0].severity).toBe('warning');
    }
    const files = unzipSync(writeQdpx(project()));
    files['fgcoder.json'] = strToU8('[1,2');
    const read = readQdpx(zipSync(files));
    expect(read.project.extension).toBeUndefined();
    expect(read.project.codes).toHaveLength(1);
  });

  it('drops items of the wrong shape and normalises GUIDs', () => {
    const guid = '{0A1B2C3D-0000-4000-8000-00000000000A}';
    const r = parseExtension(
      JSON.stringify({
        format: 'fgcoder-refi-extension',
        version: 1,
        variables: [{ guid, scope: 'participant', type: 'number', values: [1, 'a'], bins: [{ label: 'x', min: 'a', max: 2 }, { label: 'y', min: 1, max: 2 }] }, { guid: 'nope' }],
        codes: [{ guid, shortcut: 5 }],
        users: [{ guid, emailKey: 'short' }],
        assignments: [{ sourceGuid: guid, userGuid: guid, status: 'done' }],
      }),
    );
    expect(r.extension).toEqual({
      variables: [{ guid: '0a1b2c3d-0000-4000-8000-00000000000a', scope: 'participant', type: 'number', values: ['a'], bins: [{ label: 'y', min: 1, max: 2 }] }],
      codes: [],
      users: [],
      assignments: [{ sourceGuid: '0a1b2c3d-0000-4000-8000-00000000000a', userGuid: '0a1b2c3d-0000-4000-8000-00000000000a', status: 'done' }],
    });
  });
});
