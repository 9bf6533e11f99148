import { RefreshToken } from './refresh-token.entity';
import { User } from './user.entity';

/** Every entity the data source knows; new entities are added here. */
export const ENTITIES = [User, RefreshToken];

export * from './base.entity';
export * from './user.entity';
export * from './refresh-token.entity';
