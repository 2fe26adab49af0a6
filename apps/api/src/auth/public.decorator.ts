import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'switchboard:public';

/** Opens a controller or route to requests without a token (health checks). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
