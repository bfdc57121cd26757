import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byId } from '../common/loaders';
import { User } from './user.entity';

declare module '../common/loaders' {
  interface Loaders {
    /** A user by id. */
    user: DataLoader<string, User>;
  }
}

/** The auth feature's loaders for one request. */
export function authLoaders(ds: DataSource) {
  return {
    user: new DataLoader<string, User>(async (ids) => byId(ids, await ds.getRepository(User).findBy({ id: In([...ids]) }))),
  };
}
