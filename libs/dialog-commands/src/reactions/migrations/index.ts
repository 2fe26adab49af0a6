import { CreateOpenAssignments1763700200000 } from './1763700200000-create-open-assignments';

export const writeSideMigrations = [CreateOpenAssignments1763700200000];
