import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('reads like a person would say it', () => {
    expect(formatFileSize(512)).toBe('512 B');
    expect(formatFileSize(35_328)).toBe('34.5 KB');
    expect(formatFileSize(2.2 * 1024 * 1024)).toBe('2.2 MB');
  });
});
