import { Module } from '@nestjs/common';
import { LinesController } from './lines.controller';

@Module({ controllers: [LinesController] })
export class LinesHttpModule {}
