import { Injectable } from '@nestjs/common';

/** Not built yet (issue 10, step 2). */
@Injectable()
export class PublishService {
  publish(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
  deleteDraft(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
}
