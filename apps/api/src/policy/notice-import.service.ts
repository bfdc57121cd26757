import { Injectable } from '@nestjs/common';

/** Not built yet (issue 10, step 2). */
@Injectable()
export class NoticeImportService {
  importNotice(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
}
