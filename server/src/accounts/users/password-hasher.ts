import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { AUTH_SETTINGS } from '../../auth/auth-settings.token';
import type { AuthSettings } from '../../auth/auth-settings';

/** bcrypt hashes; also answers for unknown usernames in the same time as for known ones. */
@Injectable()
export class PasswordHasher {
  private decoy?: Promise<string>;

  constructor(@Inject(AUTH_SETTINGS) private readonly settings: AuthSettings) {}

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.settings.bcryptRounds);
  }

  verify(password: string, hash: string): Promise<boolean> {
    return bcrypt.compare(password, hash);
  }

  /**
   * Spends the time of one real comparison and answers false, so a login for a username that
   * does not exist cannot be told apart by its duration.
   */
  async verifyNobody(password: string): Promise<false> {
    this.decoy ??= bcrypt.hash('decoy-password-0', this.settings.bcryptRounds);
    await bcrypt.compare(password, await this.decoy);
    return false;
  }
}
