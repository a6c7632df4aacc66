import { Controller, Get, HttpCode, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/decorators/public.decorator';
import { DATABASE } from '../common/tokens';
import type { Database, DatabaseHealth } from '../database/database';

export interface HealthReport {
  status: 'ok' | 'degraded';
  db: DatabaseHealth;
}

@Controller('health')
export class HealthController {
  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Unauthenticated on purpose: load balancers and the Quick start check it. 503 when the database is down. */
  @Get()
  @Public()
  @HttpCode(HttpStatus.OK)
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const db = await this.database.health();
    if (!db.ok) response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return { status: db.ok ? 'ok' : 'degraded', db };
  }
}
