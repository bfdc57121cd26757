import {
  buildFigureGrid,
  countiesFor,
  figureKey,
  figuresFromValues,
  gridRows,
  parseFigure,
  toFigureInputs,
  type GridCounty,
  type GridTarget,
} from './figure-grid';

const COUNTIES: GridCounty[] = [
  { id: 'pj', name: '蓬江區' },
  { id: 'ts', name: '台山市' },
  { id: 'ep', name: '恩平市' },
];
const interns: GridTarget = {
  id: 't7',
  name: '見習崗位',
  unit: '個',
  targetValue: 3000,
  direction: 'AT_LEAST',
  year: 2024,
  quotas: [
    { county: { id: 'ts' }, quota: 500 },
    { county: { id: 'pj' }, quota: null },
  ],
};
const later: GridTarget = { ...interns, id: 't9', name: '就業崗位', year: 2025, quotas: [] };

describe('buildFigureGrid', () => {
  it('gives a county government only its own county, a department every county', () => {
    expect(countiesFor({ id: 'ts', kind: 'COUNTY' }, COUNTIES).map((c) => c.id)).toEqual(['ts']);
    expect(countiesFor({ id: 'hr', kind: 'DEPARTMENT' }, COUNTIES).map((c) => c.id)).toEqual(['pj', 'ts', 'ep']);
  });

  it('shows last period’s figure and the quota beside each cell', () => {
    const grid = buildFigureGrid({
      targets: [interns],
      counties: COUNTIES,
      agency: { id: 'hr', kind: 'DEPARTMENT' },
      periodYear: 2024,
      previousValues: [{ target: { id: 't7' }, county: { id: 'ts' }, value: 80 }],
    });
    expect(grid.groups).toHaveLength(1);
    expect(grid.groups[0].rows.map((r) => [r.county.id, r.previous, r.quota])).toEqual([
      ['pj', null, null],
      ['ts', 80, 500],
      ['ep', null, null],
    ]);
    expect(grid.groups[0].rows[1].key).toBe(figureKey('t7', 'ts'));
  });

  it('asks no figures for a target of another year', () => {
    const grid = buildFigureGrid({ targets: [interns, later], counties: COUNTIES, agency: { id: 'ts', kind: 'COUNTY' }, periodYear: 2024 });
    expect(grid.groups.map((g) => g.target.id)).toEqual(['t7']);
    expect(grid.otherYearTargets.map((t) => t.id)).toEqual(['t9']);
    expect(gridRows(grid).map((r) => r.key)).toEqual(['t7/ts']);
  });

  it('asks for this year’s figure of a 每年 target and lists none of its other years', () => {
    const years = [interns, { ...interns, id: 't7-2025', year: 2025 }, { ...interns, id: 't7-2026', year: 2026, quotas: [] }];
    const grid = buildFigureGrid({ targets: years, counties: COUNTIES, agency: { id: 'ts', kind: 'COUNTY' }, periodYear: 2026 });
    expect(grid.groups.map((g) => g.target.id)).toEqual(['t7-2026']);
    expect(grid.otherYearTargets).toEqual([]);
    expect(gridRows(grid).map((r) => r.key)).toEqual(['t7-2026/ts']);
  });
});

describe('parseFigure', () => {
  it.each([
    ['120', 120],
    [' 1,200 ', 1200],
    ['１２０', 120],
    ['3.5', 3.5],
    ['0', 0],
    ['-0', 0],
    ['12.', 12],
  ])('reads %p as %p', (raw, value) => {
    expect(parseFigure(raw)).toEqual({ kind: 'value', value });
  });

  it('treats blank as not reported', () => {
    expect(parseFigure('  ')).toEqual({ kind: 'empty' });
  });

  it.each([
    ['abc', 'notNumber'],
    ['12a', 'notNumber'],
    ['1e3', 'notNumber'],
    ['-5', 'negative'],
    ['－5', 'negative'],
    ['9999999999999', 'tooLarge'],
  ])('refuses %p (%s)', (raw, error) => {
    expect(parseFigure(raw)).toEqual({ kind: 'error', error });
  });
});

describe('form figures and the values input', () => {
  const rows = [
    { key: 't7/pj', targetId: 't7', county: COUNTIES[0] },
    { key: 't7/ts', targetId: 't7', county: COUNTIES[1] },
    { key: 't7/ep', targetId: 't7', county: COUNTIES[2] },
  ];

  it('sends the filled cells in grid order, leaving blank ones out', () => {
    const out = toFigureInputs({ 't7/ep': '5', 't7/ts': '120', 't7/pj': '' }, rows);
    expect(out.values).toEqual([
      { targetId: 't7', countyId: 'ts', value: 120 },
      { targetId: 't7', countyId: 'ep', value: 5 },
    ]);
    expect(out.keys).toEqual(['t7/ts', 't7/ep']);
    expect(out.errors).toEqual({});
  });

  it('reports cells that are not numbers', () => {
    expect(toFigureInputs({ 't7/ts': '-1', 't7/pj': 'x' }, rows).errors).toEqual({ 't7/pj': 'notNumber', 't7/ts': 'negative' });
  });

  it('ignores typed cells outside the grid', () => {
    expect(toFigureInputs({ 'other/x': '3' }, rows).values).toEqual([]);
  });

  it('turns saved values into the form’s text cells', () => {
    expect(figuresFromValues([{ target: { id: 't7' }, county: { id: 'ts' }, value: 120 }])).toEqual({ 't7/ts': '120' });
    expect(figuresFromValues(null)).toEqual({});
  });
});
