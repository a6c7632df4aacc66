import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsString, Matches } from 'class-validator';
import { IsOmittable } from '../common/validation/optional';

/** `GET /statistics?processKey=&from=&to=`: instances started and tasks created in [from, to). */
export class StatisticsQueryDto {
  @ApiPropertyOptional({ example: 'suggestion-handling' })
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z_][\w.-]{0,99}$/, { message: '流程 key 格式不正确' })
  processKey?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: '含；ISO 8601 日期或日期时间' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01', description: '不含；ISO 8601 日期或日期时间' })
  @IsOmittable()
  @IsISO8601({ strict: true })
  to?: string;
}

class RateResponse {
  @ApiProperty() count!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'count / total；total 为 0 时为 null' })
  rate!: number | null;
}

class OnTimeResponse {
  @ApiProperty({ type: RateResponse, description: '有期限且已办结的任务中按期办结的' })
  tasks!: RateResponse;
  @ApiProperty({ type: RateResponse, description: '已办结且有按期结论的实例中按期的' })
  instances!: RateResponse;
}

class CodeShareResponse {
  @ApiProperty() code!: string;
  @ApiPropertyOptional() label?: string;
  @ApiProperty() count!: number;
  @ApiProperty({ description: '占有答复类别的实例的比例' }) share!: number;
}

class ProcessCountResponse {
  @ApiProperty() processKey!: string;
  @ApiPropertyOptional() processName?: string;
  @ApiProperty() total!: number;
  @ApiProperty({ description: '{ running, completed, cancelled, suspended, incident }' })
  byStatus!: Record<string, number>;
}

class UnitResponse {
  @ApiProperty() unitId!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ description: '主办的实例数' }) total!: number;
  @ApiProperty() completed!: number;
  @ApiProperty({ description: '已答复（有答复类别）' }) replied!: number;
  @ApiProperty({ type: RateResponse }) onTime!: RateResponse;
  @ApiProperty({ type: RateResponse }) satisfaction!: RateResponse;
  @ApiProperty({ description: '[{ code, count }]' }) replyCodes!: unknown;
}

export class StatisticsResponse {
  @ApiProperty({ type: [ProcessCountResponse] }) byProcess!: ProcessCountResponse[];
  @ApiProperty({ description: '{ running, completed, cancelled, suspended, incident }' })
  byStatus!: Record<string, number>;
  @ApiProperty({ type: OnTimeResponse }) onTimeRate!: OnTimeResponse;
  @ApiProperty({ type: RateResponse, description: '已评价中“满意”“基本满意”的比例' })
  satisfactionRate!: RateResponse;
  @ApiProperty({ type: [CodeShareResponse] }) replyCodes!: CodeShareResponse[];
  @ApiProperty({ type: [UnitResponse] }) units!: UnitResponse[];
}
