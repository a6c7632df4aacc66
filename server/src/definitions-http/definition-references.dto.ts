import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '../common/validation/optional';

/** `GET /definitions/:key/variables?version=` */
export class ProcessVariablesQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    description: '版本号；省略时为调用活动默认会调用的版本（最新的已启用版本）',
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(999_999_999)
  version?: number;
}

class ProcessVariableResponse {
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ description: '表单中字段的标题' }) title?: string;
  @ApiProperty({ description: '开始表单的字段：发起（或调用）时提供' }) startForm!: boolean;
  @ApiProperty({ description: '某个任务表单填写的变量：可传回调用方' }) written!: boolean;
  @ApiProperty({ description: '某个任务表单只读显示的变量' }) read!: boolean;
}

export class ProcessVariablesResponse {
  @ApiProperty() key!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [ProcessVariableResponse] }) variables!: ProcessVariableResponse[];
}

class MessageUseResponse {
  @ApiProperty() processKey!: string;
  @ApiPropertyOptional() processName?: string;
  @ApiProperty() version!: number;
  @ApiProperty() elementId!: string;
  @ApiPropertyOptional() elementName?: string;
  @ApiProperty({ example: 'receiveTask' }) elementType!: string;
  @ApiProperty({ enum: ['catch', 'throw'], description: 'catch 等待该消息，throw 发出该消息' })
  direction!: 'catch' | 'throw';
}

export class MessageNameResponse {
  @ApiProperty({ description: '消息名称（按名称关联）' }) name!: string;
  @ApiProperty({ type: [MessageUseResponse] }) uses!: MessageUseResponse[];
}
