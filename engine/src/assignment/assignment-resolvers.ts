import { EngineError } from '../engine.error';

export interface AssignmentContext {
  district: string;
  starter?: string;
  variables: Record<string, unknown>;
}

/**
 * Turns one `prefix:argument` reference into user ids. Resolvers are tried by priority (highest
 * first); returning undefined passes the decision to the next one.
 */
export interface AssignmentResolver {
  readonly prefix: string;
  readonly priority?: number;
  resolve(
    argument: string,
    context: AssignmentContext,
  ): Promise<string[] | undefined> | string[] | undefined;
}

export class AssignmentResolvers {
  private readonly byPrefix = new Map<string, AssignmentResolver[]>();

  constructor(resolvers: AssignmentResolver[] = []) {
    resolvers.forEach((r) => this.register(r));
  }

  register(resolver: AssignmentResolver): this {
    const list = [...(this.byPrefix.get(resolver.prefix) ?? []), resolver];
    list.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
    this.byPrefix.set(resolver.prefix, list);
    return this;
  }

  prefixes(): ReadonlySet<string> {
    return new Set(this.byPrefix.keys());
  }

  async resolve(reference: string, context: AssignmentContext): Promise<string[]> {
    const [prefix, ...rest] = reference.trim().split(':');
    const argument = rest.join(':');
    for (const resolver of this.byPrefix.get(prefix) ?? []) {
      const users = await resolver.resolve(argument, context);
      if (users !== undefined) return users;
    }
    throw new EngineError(
      'INVALID_ARGUMENT',
      `no assignment resolver could resolve '${reference}'`,
    );
  }
}

const asUserList = (value: unknown): string[] | undefined => {
  if (typeof value === 'string' && value) return [value];
  if (Array.isArray(value))
    return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return undefined;
};

/** The resolvers every deployment can use; `role:` comes from the host, which knows the districts. */
export const builtInResolvers: AssignmentResolver[] = [
  { prefix: 'starter', resolve: (_arg, ctx) => (ctx.starter ? [ctx.starter] : []) },
  { prefix: 'user', resolve: (arg) => (arg ? [arg] : []) },
  { prefix: 'var', resolve: (arg, ctx) => asUserList(ctx.variables[arg]) ?? [] },
];
