import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
} from 'class-validator';
import type { InstanceStatus } from '../../../engine/src';
import { ListQueryDto } from '../common/pagination/pagination';
import { IsOmittable } from '../common/validation/optional';

export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'running',
  'suspended',
  'incident',
  'completed',
  'cancelled',
];

export class StartInstanceDto {
  @ApiProperty({ example: 'suggestion-handling' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  processKey!: string;

  @ApiPropertyOptional({ description: '业务编号，如建议号', maxLength: 100 })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  businessKey?: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '开始表单的数据' })
  @IsObject()
  data!: Record<string, unknown>;
}

export class InstanceListQueryDto extends ListQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) processKey?: string;

  @ApiPropertyOptional({ enum: INSTANCE_STATUSES })
  @IsOptional()
  @IsIn(INSTANCE_STATUSES)
  status?: InstanceStatus;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) businessKey?: string;

  @ApiPropertyOptional({ description: '发起人用户 id' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  starter?: string;

  @ApiPropertyOptional({ description: '发起时间不早于（ISO 8601）' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '发起时间早于（ISO 8601）' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class CancelInstanceDto {
  @ApiProperty({ description: '撤销理由', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class MigrateInstanceDto {
  @ApiProperty({ description: '迁移到的流程版本' })
  @IsInt()
  @Min(1)
  targetVersion!: number;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '旧环节 id → 新环节 id；未列出的环节按同名 id 迁移',
  })
  @IsOmittable()
  @IsObject()
  mapping?: Record<string, string>;

  @ApiPropertyOptional({ description: 'true：只预演，不迁移', default: false })
  @IsOmittable()
  @IsBoolean()
  dryRun?: boolean;
}
