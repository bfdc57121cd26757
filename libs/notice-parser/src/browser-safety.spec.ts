import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

/** The parser also runs in the web app, so library files must not reach for Node. */
describe('library sources', () => {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

  it('exist', () => {
    expect(files).toEqual(expect.arrayContaining(['index.ts', 'parse-notice.ts', 'targets.ts', 'responsibilities.ts']));
  });

  it.each(files)('%s imports no Node module and uses no Node global', (file) => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports.filter((i) => !i.startsWith('./'))).toEqual([]);
    expect(source).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|__dirname/);
  });

  it.each(files)('%s stays a few hundred lines and has no any', (file) => {
    const source = readFileSync(join(__dirname, file), 'utf8');
    expect(source.split('\n').length).toBeLessThan(300);
    expect(source).not.toMatch(/:\s*any\b|as any\b|<any>/);
  });
});
