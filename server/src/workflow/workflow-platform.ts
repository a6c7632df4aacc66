import type { Connection } from 'mongoose';
import {
  type CalendarData,
  type Clock,
  type InstanceDoc,
  ProcessEngine,
  type ProcessEngineOptions,
  type ServiceHandler,
  systemClock,
  type TaskActor,
  type TaskDoc,
} from '../../../engine/src';
import { DocumentStore, DocumentTemplates, documentRenderHandler } from '../documents';
import { FormStore, FormTaskDataValidator } from '../forms';
import { ParameterStore } from '../parameters';
import { BallotBox, voteTallyHandler } from '../votes';
import { roleResolver, unitResolver } from './assignment.resolvers';
import type { AttachmentPort } from './attachments.port';
import type { Directory } from './directory.port';
import type { Notifier } from './notifier.port';
import { notifyHandler } from './notify.handler';
import { instanceParams } from './instance-params';
import { TemplateInstaller } from './template-installer';
import { TemplateLibrary } from './template-library';
import { PlatformOperations, type StartOptions, type TaskView } from './platform-operations';

export interface WorkflowPlatformOptions {
  /** An open mongoose connection; the platform never opens or closes it. */
  db: Connection;
  clock?: Clock;
  directory: Directory;
  notifier: Notifier;
  /** The district's working calendar; defaults to mainland China's. */
  calendar?: (district: string) => Promise<CalendarData>;
  /** The repository root holding processes/ and forms/ (tests point it elsewhere). */
  libraryRoot?: string;
  /** Job-lease owner; defaults to the engine's host:pid:random. */
  owner?: string;
  /** A service task failed for good (the engine raised an incident). */
  onIncident?: ProcessEngineOptions['onIncident'];
  /** Uploaded files that forms name (the files module). */
  attachments?: AttachmentPort;
}

export interface WorkflowPlatform {
  engine: ProcessEngine;
  forms: FormStore;
  parameters: ParameterStore;
  documents: DocumentStore;
  documentTemplates: DocumentTemplates;
  ballots: BallotBox;
  templates: TemplateLibrary & Pick<TemplateInstaller, 'installTemplates' | 'installed'>;
  startInstance(
    district: string,
    processKey: string,
    starter: string,
    data: Record<string, unknown>,
    options?: StartOptions,
  ): Promise<InstanceDoc>;
  /** `read`: the task as the caller just read it, which spares reading it again. */
  completeTask(
    taskId: string,
    actor: TaskActor,
    data: Record<string, unknown>,
    read?: TaskDoc,
  ): Promise<void>;
  saveDraft(taskId: string, actor: TaskActor, draft: Record<string, unknown>): Promise<void>;
  describeTask(taskId: string): Promise<TaskView>;
  /** The start form of the latest active version of a process (for GET /definitions/startable). */
  startForm(
    district: string,
    processKey: string,
  ): Promise<{ key: string; version: number } | undefined>;
  handlers(): { topic: string; description: string; parameters: ServiceHandler['parameters'] }[];
}

/**
 * Wires the workflow kit to the engine: forms (catalog + validator), the `role:` and `unit:`
 * resolvers, the document, vote and notify handlers, and the template library. Returns plain
 * objects; the HTTP layer wraps them in Nest providers.
 */
export async function createWorkflowPlatform(
  options: WorkflowPlatformOptions,
): Promise<WorkflowPlatform> {
  const clock = options.clock ?? systemClock;
  const { db, directory } = options;
  const forms = new FormStore(db, clock);
  const parameters = new ParameterStore(db, clock);
  const documents = new DocumentStore(db);
  const ballots = new BallotBox(db, clock);
  const library = new TemplateLibrary(options.libraryRoot);
  const documentTemplates = new DocumentTemplates(
    options.libraryRoot ? `${options.libraryRoot}/processes/documents` : undefined,
  );

  // Handlers need the engine and the engine needs the handlers: the
  // closures below read `engine` only when a job runs, after it is created.
  const params = (district: string, variables: Readonly<Record<string, unknown>>) =>
    instanceParams(variables, () => parameters.get(district));
  const engine: ProcessEngine = await ProcessEngine.create({
    connection: db,
    clock,
    owner: options.owner,
    calendar: options.calendar,
    forms,
    resolvers: [roleResolver(directory), unitResolver(directory)],
    validators: [
      new FormTaskDataValidator({
        forms,
        ballotCast: (taskId) => ballots.isCast(taskId),
      }),
    ],
    handlers: [
      documentRenderHandler({
        templates: documentTemplates,
        documents,
        clock,
        params,
        names: (district, ids) => directory.displayNames(district, ids),
      }),
      voteTallyHandler({ ballots, params }),
      notifyHandler({
        notifier: options.notifier,
        resolve: (reference, context) => engine.resolvers.resolve(reference, context),
      }),
    ],
    ...(options.onIncident && { onIncident: options.onIncident }),
  });
  await Promise.all([
    forms.ensureIndexes(),
    parameters.ensureIndexes(),
    documents.ensureIndexes(),
    ballots.ensureIndexes(),
  ]);
  const installer = new TemplateInstaller(db, { library, forms, engine, directory, clock });

  const operations = new PlatformOperations({
    engine,
    forms,
    parameters,
    ballots,
    ...(options.attachments && { attachments: options.attachments }),
  });

  return {
    engine,
    forms,
    parameters,
    documents,
    documentTemplates,
    ballots,
    templates: Object.assign(library, {
      installTemplates: installer.installTemplates.bind(installer),
      installed: installer.installed.bind(installer),
    }),
    startInstance: operations.startInstance.bind(operations),
    completeTask: operations.completeTask.bind(operations),
    saveDraft: operations.saveDraft.bind(operations),
    describeTask: operations.describeTask.bind(operations),
    startForm: operations.startForm.bind(operations),
    handlers: () => engine.handlers.list(),
  };
}
