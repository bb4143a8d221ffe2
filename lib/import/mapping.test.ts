import { describe, expect, it } from 'vitest';
import { checkSpeakerMapping, isModeratorLabel, labelKey, prefillSpeakers } from './mapping';

describe('labelKey', () => {
  it('treats Cyrillic look-alikes, case, spaces and punctuation as the same code', () => {
    expect(labelKey('Р1')).toBe(labelKey('P1'));
    expect(labelKey('p 1')).toBe(labelKey('P-1'));
    expect(labelKey('P.1')).toBe('p1');
    expect(labelKey('Участник №3')).toBe(labelKey('участник 3'));
    expect(labelKey('Семён')).toBe(labelKey('семен'));
    expect(labelKey('P1')).not.toBe(labelKey('P11'));
  });
});

describe('isModeratorLabel', () => {
  it('knows the moderator in Russian, Kazakh and English, and the bare code М', () => {
    for (const l of ['Модератор', 'М', 'M', 'Moderator', 'Жүргізуші', 'ведущая', 'Модератор 2', 'Interviewer']) expect(isModeratorLabel(l), l).toBe(true);
    for (const l of ['Р1', 'Айгерим', 'Мария', 'Участник 3', 'Мадина']) expect(isModeratorLabel(l), l).toBe(false);
  });
});

describe('prefillSpeakers', () => {
  it('maps moderators to the moderator and other labels to new participants in a new group', () => {
    expect(prefillSpeakers(['Модератор', 'Р1', 'P1', 'Айгерим'], null)).toEqual({
      Модератор: { kind: 'moderator' },
      Р1: { kind: 'new', label: 'Р1' },
      // the same code written with a Latin P shares the new participant
      P1: { kind: 'new', label: 'Р1' },
      Айгерим: { kind: 'new', label: 'Айгерим' },
    });
  });

  it('maps a label equal to a group participant to that participant', () => {
    const group = { participants: [{ id: 7, label: 'P1' }, { id: 8, label: 'P2' }], remembered: [] };
    expect(prefillSpeakers(['Р1', 'p2', 'P3', 'М'], group)).toEqual({
      Р1: { kind: 'participant', participantId: 7 },
      p2: { kind: 'participant', participantId: 8 },
      P3: { kind: 'new', label: 'P3' },
      М: { kind: 'moderator' },
    });
  });

  it('remembers how the group mapped a label last time, before any other rule', () => {
    const group = {
      participants: [{ id: 7, label: 'P1' }, { id: 9, label: 'P4' }],
      remembered: [
        { label: 'Айгерим', kind: 'participant' as const, participantId: 9 },
        { label: 'М', kind: 'unknown' as const, participantId: null },
        { label: 'Ержан', kind: 'participant' as const, participantId: 99 }, // since deleted
      ],
    };
    expect(prefillSpeakers(['Айгерим', 'М', 'Ержан', 'айгерим'], group)).toEqual({
      Айгерим: { kind: 'participant', participantId: 9 },
      М: { kind: 'unknown' },
      Ержан: { kind: 'new', label: 'Ержан' },
      айгерим: { kind: 'participant', participantId: 9 },
    });
  });

  it('copes with labels that are Object property names', () => {
    const out = prefillSpeakers(['__proto__', 'constructor'], null);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor']);
    expect(out.constructor).toEqual({ kind: 'new', label: 'constructor' });
  });
});

describe('checkSpeakerMapping', () => {
  const group = [{ id: 7, label: 'P1' }];

  it('resolves labels, merges new participants by key and reuses a group participant of the same label', () => {
    const plan = checkSpeakerMapping(
      ['Модератор', 'Айгерим', 'Айгерим Б.', 'Ержан'],
      {
        Модератор: { kind: 'moderator' },
        Айгерим: { kind: 'new', label: 'P2' },
        'Айгерим Б.': { kind: 'new', label: ' p2 ' },
        Ержан: { kind: 'new', label: 'Р1' },
      },
      { hasUnlabelled: true, choice: { kind: 'new', label: 'P3' } },
      group,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.newLabels).toEqual(['P2', 'P3']);
    expect(plan.speakerOf('Айгерим Б.')).toEqual({ kind: 'new', label: 'P2' });
    expect(plan.speakerOf('Ержан')).toEqual({ kind: 'participant', participantId: 7 });
    expect(plan.speakerOf('Модератор')).toEqual({ kind: 'moderator' });
    expect(plan.speakerOf(null)).toEqual({ kind: 'new', label: 'P3' });
  });

  it('names every unmapped label, empty new label and participant from elsewhere', () => {
    const plan = checkSpeakerMapping(
      ['A', 'B', 'C', 'constructor'],
      { B: { kind: 'new', label: '  ' }, C: { kind: 'participant', participantId: 99 } },
      { hasUnlabelled: false, choice: { kind: 'new', label: '' } },
      group,
    );
    expect(plan.problems).toEqual([
      'speaker "A" is not mapped to anyone',
      'speaker "B": the new participant needs a label',
      'speaker "C" is mapped to participant #99, who is not in this group',
      'speaker "constructor" is not mapped to anyone',
    ]);
    expect(plan.newLabels).toEqual([]);
    expect(plan.speakerOf(null)).toEqual({ kind: 'unknown' });
  });
});
