import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { TaskSort } from '../../../engine/src';
import { ListQueryDto } from '../common/pagination/pagination';
import { IsOmittable } from '../common/validation/optional';

export const INBOX_VIEWS = ['mine', 'claimable', 'completed', 'cc', 'started'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const INBOX_SORTS: readonly TaskSort[] = ['due', '-due', 'created', '-created', 'priority'];

export class TaskListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({
    enum: INBOX_VIEWS,
    default: 'mine',
    description:
      'mine 我的待办、claimable 可认领、completed 我办理过的、cc 抄送我的、started 我发起的（流程实例）',
  })
  @IsOptional()
  @IsIn(INBOX_VIEWS)
  view?: InboxView;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) processKey?: string;

  @ApiPropertyOptional({
    enum: ['overdue', 'soon'],
    description: '只看未办结的：overdue 已逾期，soon 即将到期',
  })
  @IsOptional()
  @IsIn(['overdue', 'soon'])
  due?: 'overdue' | 'soon';

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: '优先级不低于' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  priority?: number;

  @ApiPropertyOptional({ description: '任务名、流程名或业务编号包含的文字' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({
    enum: INBOX_SORTS,
    description: '默认：mine、claimable 按 due；其余按 -created',
  })
  @IsOptional()
  @IsIn(INBOX_SORTS)
  sort?: TaskSort;
}

export class TaskDataDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '表单数据' })
  @IsObject()
  data!: Record<string, unknown>;
}

export class DelegateTaskDto {
  @ApiProperty({ description: '转办给的用户 id' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ReturnTaskDto {
  @ApiPropertyOptional({ description: '退回到的环节；默认最近办理的可退回环节' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  targetActivityId?: string;

  @ApiPropertyOptional({
    description:
      '多实例环节（会签、协办）中只退回其中一份（returnTargets[].elements[].key）；默认整个环节重新办理',
  })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  targetElement?: string;

  @ApiProperty({ description: '退回理由', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class CommentTaskDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;
}

export class RemindTaskDto {
  @ApiPropertyOptional({ description: '催办留言', maxLength: 500 })
  @IsOmittable()
  @IsString()
  @MaxLength(500)
  message?: string;
}
