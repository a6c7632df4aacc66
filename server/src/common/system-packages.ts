import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The little this needs of a logger. */
export interface PackageLog {
  info(message: string): void;
}

/** A Debian package the platform or its tests need is missing and could not be installed. */
export class SystemPackageError extends Error {
  readonly code = 'SYSTEM_PACKAGE_MISSING';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SystemPackageError';
  }
}

const execFileAsync = promisify(execFile);

export interface SystemPackage {
  /** Debian package name. */
  debian: string;
  /** What the platform needs it for, for the message when it cannot be installed. */
  purpose: string;
}

/**
 * Installs missing Debian packages when running as root (a fresh machine or CI), otherwise stops
 * with one paragraph naming what to install. `present()` decides whether anything is missing.
 */
export async function ensureSystemPackage(
  pkg: SystemPackage,
  present: () => boolean,
  log: PackageLog,
): Promise<void> {
  if (present()) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = await succeeds('apt-get', ['--version']);
  if (!isRoot || !hasApt) {
    throw new SystemPackageError(
      `CongressFlow needs ${pkg.purpose}, which is not installed on this machine. Install the ` +
        `Debian package "${pkg.debian}" (as root: apt-get install -y ${pkg.debian}; on another ` +
        `system, its equivalent) and start again, and run the command again.`,
    );
  }
  log.info(`installing the Debian package ${pkg.debian} (${pkg.purpose}); this happens once`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await execFileAsync('apt-get', ['update'], { env, maxBuffer: 64 * 1024 * 1024 });
    await execFileAsync('apt-get', ['install', '-y', '--no-install-recommends', pkg.debian], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (cause) {
    throw new SystemPackageError(
      `Installing the Debian package "${pkg.debian}" (${pkg.purpose}) failed: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (!present()) {
    throw new SystemPackageError(
      `The Debian package "${pkg.debian}" was installed but ${pkg.purpose} is still not found.`,
    );
  }
}

async function succeeds(command: string, args: string[]): Promise<boolean> {
  try {
    await execFileAsync(command, args);
    return true;
  } catch {
    return false;
  }
}
