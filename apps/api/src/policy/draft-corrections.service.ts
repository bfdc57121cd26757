import { Injectable } from '@nestjs/common';

/** Not built yet (issue 10, step 2). */
@Injectable()
export class DraftCorrectionsService {
  updatePolicy(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
  updateMeasure(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
  setResponsibility(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
  removeResponsibility(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
  mapAgency(..._args: unknown[]): never {
    throw new Error('not implemented');
  }
}
