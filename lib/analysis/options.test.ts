import { describe, expect, it } from 'vitest';
import { describeQuery } from './describe';
import { attributeOptions } from './options';
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
