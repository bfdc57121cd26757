import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byId } from '../common/loaders';
import { SupervisionReview } from './supervision-review.entity';

declare module '../common/loaders' {
  interface Loaders {
    /** A supervision review by id (an item's quarter where the list did not bring it along). */
    supervisionReview: DataLoader<string, SupervisionReview>;
  }
}

/** The supervision feature's loaders for one request. */
export function supervisionLoaders(ds: DataSource) {
  return {
    supervisionReview: new DataLoader<string, SupervisionReview>(async (ids) =>
      byId(ids, await ds.getRepository(SupervisionReview).findBy({ id: In([...ids]) })),
    ),
  };
}
