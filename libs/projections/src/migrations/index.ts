import { CreateCheckpoints1763700100000 } from './1763700100000-create-checkpoints';
import { CreateGenerations1763700100100 } from './1763700100100-create-generations';
import { CheckpointFollows1763700800000 } from './1763700800000-checkpoint-follows';

export const projectionMigrations = [CreateCheckpoints1763700100000, CreateGenerations1763700100100, CheckpointFollows1763700800000];
