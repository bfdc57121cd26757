import { Injectable } from '@nestjs/common';

/** Not built yet (issue 10, step 2). */
@Injectable()
export class AgencyAliasService {
  list(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
  add(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
  remove(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
}
