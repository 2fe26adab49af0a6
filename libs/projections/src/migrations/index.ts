import { CreateCheckpoints1763700100000 } from './1763700100000-create-checkpoints';

export const projectionMigrations = [CreateCheckpoints1763700100000];
