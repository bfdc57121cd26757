// opencc-js's traditional -> simplified (mainland) converter; loaded once, used for search text.
const OpenCC = require('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): (s: string) => string };

export const toSimplified: (text: string) => string = OpenCC.Converter({ from: 't', to: 'cn' });

/** Both scripts of a name, for ILIKE search that finds 人力資源 and 人力资源 alike. */
export const searchTextOf = (name: string) => `${name} ${toSimplified(name)}`.toLowerCase();
