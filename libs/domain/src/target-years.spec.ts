import { targetsForYear } from './target-years';

describe('targetsForYear', () => {
  const t = (id: string, name: string, year: number, measureId = 'm1') => ({ id, name, year, measureId });

  it('shows the year’s own target of a 每年 target and keeps goals of other years that have none', () => {
    const targets = [
      t('a24', '見習崗位', 2024),
      t('a25', '見習崗位', 2025),
      t('a26', '見習崗位', 2026),
      t('b', '公益性崗位', 2024),
      t('c', '見習崗位', 2024, 'm2'),
    ];
    expect(targetsForYear(targets, 2026).map((x) => x.id)).toEqual(['a26', 'b', 'c']);
    expect(targetsForYear(targets, 2024).map((x) => x.id)).toEqual(['a24', 'b', 'c']);
    expect(targetsForYear(targets, 2030).map((x) => x.id)).toEqual(['a24', 'a25', 'a26', 'b', 'c']);
  });
});
