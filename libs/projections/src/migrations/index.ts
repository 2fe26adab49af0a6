import { CreateCheckpoints1763700100000 } from './1763700100000-create-checkpoints';
import { CreateGenerations1763700100100 } from './1763700100100-create-generations';

export const projectionMigrations = [CreateCheckpoints1763700100000, CreateGenerations1763700100100];
