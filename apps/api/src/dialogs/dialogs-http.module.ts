import { Module } from '@nestjs/common';
import { DialogAssignmentController } from './dialog-assignment.controller';
import { DialogFeedbackController } from './dialog-feedback.controller';
import { DialogLabellingController } from './dialog-labelling.controller';
import { DialogLifecycleController } from './dialog-lifecycle.controller';
import { DialogMessagesController } from './dialog-messages.controller';
import { DialogsController } from './dialogs.controller';

/** The dialog commands over HTTP; the CommandBus comes from the global CqrsModule. */
@Module({
  controllers: [
    DialogsController,
    DialogMessagesController,
    DialogAssignmentController,
    DialogLifecycleController,
    DialogLabellingController,
    DialogFeedbackController,
  ],
})
export class DialogsHttpModule {}
