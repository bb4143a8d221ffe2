import { describe, expect, it } from 'vitest';
import { describeQuery } from './describe';
import { attributeOptions, chosenSet, withSet, type SetOption } from './options';
import { FIXTURE_ATTRIBUTES, fixtureModel } from './test-fixture';
import { EMPTY_FILTER, MISSING } from './types';

describe('attributeOptions', () => {
  it('offers the values that occur, in column order, with (missing) when someone lacks one', () => {
    expect(attributeOptions(fixtureModel(), (a) => a.name)).toEqual([
      { ref: 'city', name: 'city', scope: 'document', values: ['Almaty', 'Taraz'] },
      { ref: 'gender', name: 'gender', scope: 'participant', values: ['Female', 'Male', MISSING] },
      { ref: 'age', name: 'age', scope: 'participant', values: ['18–29', '30–44', '45–60', MISSING] },
    ]);
  });
});

describe('describeQuery', () => {
  it('states the layer, columns, roll-up and filters', () => {
    const notes = describeQuery({
      layerLabel: 'Consensus',
      columns: { kind: 'attribute', attribute: FIXTURE_ATTRIBUTES[1] },
      split: { kind: 'attribute', attribute: FIXTURE_ATTRIBUTES[0] },
      rollup: true,
      filter: { ...EMPTY_FILTER, layer: { kind: 'consensus' }, codeId: 101, documentIds: [1], attributes: [{ attribute: FIXTURE_ATTRIBUTES[2], values: ['18–29', MISSING] }] },
      codePath: () => 'Channels',
      documentTitle: () => 'FG Almaty',
    });
    expect(notes).toEqual([
      ['Layer', 'Consensus'],
      ['Columns', 'gender × city'],
      ['Roll-up', 'parents include their subcodes'],
      ['Filters', 'codes: Channels and its subcodes; documents: FG Almaty; age: 18–29 or (missing)'],
    ]);
  });
});

describe('set choices in the URL (set=<id>, one per kind)', () => {
  const sets: SetOption[] = [
    { id: 1, kind: 'code', name: 'Digital', size: 2 },
    { id: 2, kind: 'code', name: 'Offline', size: 1 },
    { id: 3, kind: 'document', name: 'Semey', size: 1 },
  ];
  it('reads the chosen set of a kind', () => {
    expect(chosenSet([3, 2], sets, 'code')).toBe(2);
    expect(chosenSet([3, 2], sets, 'document')).toBe(3);
    expect(chosenSet([], sets, 'participant')).toBeNull();
    expect(chosenSet(undefined, sets, 'code')).toBeNull();
  });
  it("replaces one kind's set and keeps the others", () => {
    expect(withSet([1, 3], sets, 'code', 2)).toEqual([3, 2]);
    expect(withSet([1, 3], sets, 'code', null)).toEqual([3]);
    expect(withSet([1], sets, 'document', 3)).toEqual([1, 3]);
    expect(withSet([99], sets, 'code', 1)).toEqual([99, 1]); // an unknown id stays, for the page to report
  });
  it('names the sets in a file’s notes', () => {
    const notes = describeQuery({
      layerLabel: 'Consensus',
      filter: { ...EMPTY_FILTER, layer: { kind: 'consensus' }, codeIds: [5], sets: [{ kind: 'code', name: 'Digital' }] },
      codePath: String,
      documentTitle: String,
    });
    expect(notes).toContainEqual(['Filters', 'code set: Digital']);
  });
});
