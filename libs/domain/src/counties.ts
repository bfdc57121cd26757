/**
 * The seven county-level divisions of Jiangmen. `name` is written as the notice writes it
 * (traditional characters); `nameSimplified` is how most users type it; `shortName` is how people
 * name the place in a chart or a meeting (蓬江, 台山).
 */
export interface CountyDivision {
  regionCode: string;
  name: string;
  nameSimplified: string;
  shortName: string;
  nameEn: string;
}

export const JIANGMEN_COUNTIES: readonly CountyDivision[] = [
  { regionCode: '440703', name: '蓬江區', nameSimplified: '蓬江区', shortName: '蓬江', nameEn: 'Pengjiang' },
  { regionCode: '440704', name: '江海區', nameSimplified: '江海区', shortName: '江海', nameEn: 'Jianghai' },
  { regionCode: '440705', name: '新會區', nameSimplified: '新会区', shortName: '新會', nameEn: 'Xinhui' },
  { regionCode: '440781', name: '台山市', nameSimplified: '台山市', shortName: '台山', nameEn: 'Taishan' },
  { regionCode: '440783', name: '開平市', nameSimplified: '开平市', shortName: '開平', nameEn: 'Kaiping' },
  { regionCode: '440784', name: '鶴山市', nameSimplified: '鹤山市', shortName: '鶴山', nameEn: 'Heshan' },
  { regionCode: '440785', name: '恩平市', nameSimplified: '恩平市', shortName: '恩平', nameEn: 'Enping' },
];

export function countyByRegionCode(code: string): CountyDivision | undefined {
  return JIANGMEN_COUNTIES.find((c) => c.regionCode === code);
}
