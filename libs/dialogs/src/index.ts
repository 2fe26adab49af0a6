// Shared
export { actorKinds, personOf } from './shared/actor';
export type { Actor, ActorKind } from './shared/actor';
export type { Command, CommandMetadata, Request } from './shared/command';
export type { Event } from './shared/event';
export type { Decider } from './shared/decider';
export { DomainError, isDomainError } from './shared/domain-error';
export type { DomainErrorKind } from './shared/domain-error';
export { commonErrors } from './shared/common.errors';
export { assertNever } from './shared/assert-never';
export { accessTable, authorize, assertAuthorized } from './shared/access.policy';
export type { AccessAction, AccessDecision, AccessScope, DialogAccessFacts } from './shared/access.policy';

// Catalogue and cross-aggregate access
export { eventSchemaVersions, eventTypes, isEventType } from './event-catalogue';
export type { EventType, SwitchboardEvent } from './event-catalogue';
export { catalogueEntryOf, eventCatalogue, eventCategories, eventEnvelopeSchema, eventMetadataSchema } from './event-schemas';
export type { EventCatalogueEntry, EventCategory } from './event-schemas';
export { JSON_SCHEMA_DIALECT } from './shared/json-schema';
export type { EventSchemaEntry, JsonSchema } from './shared/json-schema';
export { eventUpcasters, eventUpcasting } from './event-upcasters';
export type { EventUpcaster, StoredPayload } from './shared/upcaster';
export { accessActionOf, authorizeCommand, assertCommandAuthorized } from './command-access.policy';
export type { SwitchboardCommand } from './command-access.policy';

// Dialog
export * from './dialog/dialog.values';
export type * from './dialog/dialog.events';
export { dialogEventSchemaVersions } from './dialog/dialog.events';
export type * from './dialog/dialog.commands';
export type { DialogState, ExistingDialogState } from './dialog/dialog.state';
export { initialDialogState } from './dialog/dialog.state';
export { decideDialog } from './dialog/dialog.decide';
export { evolveDialog } from './dialog/dialog.evolve';
export { evolveRoster, type DialogRoster } from './dialog/dialog-roster.evolve';
export { dialogDecider } from './dialog/dialog.decider';
export { factsNeededFor, lineExistsIn, noDialogFacts, operatorStatusIn, savedReplyIn } from './dialog/dialog.facts';
export type { DialogFacts } from './dialog/dialog.facts';
export { dialogErrors } from './dialog/dialog.errors';
export { followUpDialogFor } from './dialog/follow-up-dialog.policy';
export { lostOnlyTheFirstReplyRace } from './dialog/reply-race.policy';
export { dialogAccessFactsOf } from './dialog/dialog-access.facts';
export { dialogStreamCategory, dialogStreamName } from './dialog/dialog.stream';
export { generalStatusOf, journalStatusOf, lifecycleOf, nextDetailedStatus } from './dialog/dialog.status';
export type { DetailedStatus, DetailedStatusContext, DialogLifecycle, GeneralStatus, JournalStatus } from './dialog/dialog.status';

// Operator
export type { OperatorAvailability, OperatorStatus } from './operator/operator-availability';
export type * from './operator/operator.events';
export { operatorEventSchemaVersions } from './operator/operator.events';
export type * from './operator/operator.commands';
export type { OperatorState, RegisteredOperatorState } from './operator/operator.state';
export { initialOperatorState } from './operator/operator.state';
export { decideOperator } from './operator/operator.decide';
export { evolveOperator } from './operator/operator.evolve';
export { operatorDecider } from './operator/operator.decider';
export { operatorErrors } from './operator/operator.errors';
export { assertOperatorInService } from './operator/operator-in-service.policy';
export { operatorStreamCategory, operatorStreamName } from './operator/operator.stream';

// Line and routing
export { routingModes, type RoutingMode } from './line/line.values';
export type { LineSchedule, LineScheduleInput, OpeningSpan, Weekday, WeeklyHours } from './line/line-schedule.values';
export { dayNumberOfLocalDate, MAX_HOLIDAYS, MAX_SPANS_PER_DAY, minutesOfLocalTime, weekdays } from './line/line-schedule.values';
export { lineScheduleOf } from './line/line-schedule.policy';
export { lineScheduleErrors } from './line/line-schedule.errors';
export type * from './line/line.events';
export { lineEventSchemaVersions } from './line/line.events';
export type * from './line/line.commands';
export type { ExistingLineState, LineState } from './line/line.state';
export { initialLineState } from './line/line.state';
export { decideLine } from './line/line.decide';
export { evolveLine } from './line/line.evolve';
export { lineDecider } from './line/line.decider';
export { lineErrors } from './line/line.errors';
export { lineStreamCategory, lineStreamName } from './line/line.stream';
export { automaticRoutingModes, chooseOperator } from './routing/routing.policy';
export type { AutomaticRoutingMode, RoutingCandidate } from './routing/routing.policy';

// Saved replies
export * from './saved-reply/saved-reply.values';
export type * from './saved-reply/saved-reply.events';
export { savedReplyEventSchemaVersions } from './saved-reply/saved-reply.events';
export type * from './saved-reply/saved-reply.commands';
export type { ExistingSavedReplyState, SavedReplyState } from './saved-reply/saved-reply.state';
export { initialSavedReplyState } from './saved-reply/saved-reply.state';
export { decideSavedReply } from './saved-reply/saved-reply.decide';
export { evolveSavedReply } from './saved-reply/saved-reply.evolve';
export { savedReplyDecider } from './saved-reply/saved-reply.decider';
export { savedReplyErrors } from './saved-reply/saved-reply.errors';
export { mayKeep as mayKeepSavedReply } from './saved-reply/saved-reply-ownership.policy';
export { requireUsable as requireUsableSavedReply, type SavedReplyUsability } from './saved-reply/saved-reply-use.policy';
export { savedReplyStreamCategory, savedReplyStreamName } from './saved-reply/saved-reply.stream';

// Reminders
export * from './reminder/reminder.values';
export type * from './reminder/reminder.events';
export { reminderEventSchemaVersions } from './reminder/reminder.events';
export type * from './reminder/reminder.commands';
export type { ExistingReminderState, ReminderState } from './reminder/reminder.state';
export { initialReminderState } from './reminder/reminder.state';
export { decideReminder } from './reminder/reminder.decide';
export { evolveReminder } from './reminder/reminder.evolve';
export { reminderDecider } from './reminder/reminder.decider';
export { reminderErrors } from './reminder/reminder.errors';
export { reminderStreamCategory, reminderStreamName } from './reminder/reminder.stream';

// Clients' personal data
export type * from './client/client.events';
export { clientEventSchemaVersions } from './client/client.events';
export { clientStreamCategory, clientStreamName } from './client/client.stream';
export { clientErrors, decideErasure, validateErasure, MAX_ERASURE_REASON, type EraseClientData, type ErasureFacts } from './client/client-erasure.decide';
export { personalDataCatalogue } from './personal-data';
