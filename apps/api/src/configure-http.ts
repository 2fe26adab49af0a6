import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** Edge settings shared by the API process, the all-in-one process and the e2e tests. */
export function configureHttp(app: INestApplication): void {
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Switchboard').setDescription('Event-sourced support inbox API').setVersion('0.1').addBearerAuth().build(),
  );
  SwaggerModule.setup('docs', app, document);
}
