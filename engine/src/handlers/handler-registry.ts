import type { ServiceHandler } from './service-handler';

/** Service-task handlers by topic; a duplicate topic is a start-up error, not a silent override. */
export class HandlerRegistry {
  private readonly handlers = new Map<string, ServiceHandler>();

  constructor(handlers: ServiceHandler[] = []) {
    handlers.forEach((h) => this.register(h));
  }

  register(handler: ServiceHandler): this {
    if (this.handlers.has(handler.topic))
      throw new Error(`service handler '${handler.topic}' is registered twice`);
    this.handlers.set(handler.topic, handler);
    return this;
  }

  get(topic: string): ServiceHandler | undefined {
    return this.handlers.get(topic);
  }

  topics(): ReadonlySet<string> {
    return new Set(this.handlers.keys());
  }

  /** For the designer: every handler with its parameters. */
  list(): { topic: string; description: string; parameters: ServiceHandler['parameters'] }[] {
    return [...this.handlers.values()].map(({ topic, description, parameters }) => ({
      topic,
      description,
      parameters,
    }));
  }
}
