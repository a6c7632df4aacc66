import { passwordProblems } from '../accounts/users/password-policy';
import { ConfigError } from '../config/app-config';

/** What the start-up seed creates; `createApp` without seed settings seeds nothing (tests). */
export interface SeedSettings {
  /** Create the demo district 示范区 with its units and one user per role. */
  demo: boolean;
  /** The platform administrator's first password; random (and printed once) when unset. */
  adminPassword?: string;
  /** The demo users' shared first password; random (and printed once) when unset. */
  demoPassword?: string;
  /** Where the credentials block goes; standard output by default. */
  print?: (text: string) => void;
}

export const SEED_VARIABLES = {
  CONGRESSFLOW_SEED_DEMO: 'true',
  CONGRESSFLOW_ADMIN_PASSWORD: '(random, printed at first start)',
  CONGRESSFLOW_DEMO_PASSWORD: '(random, printed at first start)',
} as const;

export function loadSeedSettings(env: NodeJS.ProcessEnv = process.env): SeedSettings {
  const text = (name: keyof typeof SEED_VARIABLES): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const demo = text('CONGRESSFLOW_SEED_DEMO') ?? 'true';
  if (demo !== 'true' && demo !== 'false') {
    throw new ConfigError('CONGRESSFLOW_SEED_DEMO', 'must be true or false');
  }
  const password = (name: 'CONGRESSFLOW_ADMIN_PASSWORD' | 'CONGRESSFLOW_DEMO_PASSWORD') => {
    const value = text(name);
    const problems = value === undefined ? [] : passwordProblems(value);
    if (problems.length > 0) {
      throw new ConfigError(name, `breaks the password policy: ${problems.join('；')}`);
    }
    return value;
  };
  return {
    demo: demo === 'true',
    adminPassword: password('CONGRESSFLOW_ADMIN_PASSWORD'),
    demoPassword: password('CONGRESSFLOW_DEMO_PASSWORD'),
  };
}
