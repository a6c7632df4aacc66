import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsOmittable } from '../../common/validation/optional';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_MESSAGE = '日期格式须为 YYYY-MM-DD';

/** A district's non-working public holidays and make-up working days (调休). */
export class CalendarDto {
  @ApiProperty({
    type: [String],
    example: ['2026-10-01'],
    description: '法定节假日（休息日），YYYY-MM-DD',
  })
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @Matches(DATE, { each: true, message: DATE_MESSAGE })
  holidays!: string[];

  @ApiProperty({
    type: [String],
    example: ['2026-10-10'],
    description: '调休上班的周末日期，YYYY-MM-DD',
  })
  @IsArray()
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @Matches(DATE, { each: true, message: DATE_MESSAGE })
  workdays!: string[];
}

export const PREVIEW_KINDS = ['timeDuration', 'timeDate', 'timeCycle', 'dueDate'] as const;

/** `GET /calendar/preview`: when a timer or due date written as in BPMN would fall due. */
export class CalendarPreviewQueryDto {
  @ApiProperty({
    enum: PREVIEW_KINDS,
    description: '定时器类型（timeDuration、timeDate、timeCycle），或任务的办理期限 dueDate',
  })
  @IsIn(PREVIEW_KINDS, { message: `类型须为 ${PREVIEW_KINDS.join('、')} 之一` })
  kind!: (typeof PREVIEW_KINDS)[number];

  @ApiProperty({ example: 'R3/P5WD', description: 'BPMN 中的写法（ISO 8601、P<n>WD）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  value!: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 5, description: '最多列出几次' })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(20)
  count?: number;
}

class PreviewOccurrenceResponse {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: '本区县当地日期 YYYY-MM-DD' }) localDate!: string;
  @ApiProperty({ description: '星期，0 = 星期日' }) weekday!: number;
  @ApiProperty({ description: '按本区县工作日历是否为工作日' }) workingDay!: boolean;
}

export class CalendarPreviewResponse {
  @ApiProperty({ type: [PreviewOccurrenceResponse], description: '从现在起依次触发的时间' })
  occurrences!: PreviewOccurrenceResponse[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: '共触发几次；null 表示无限重复',
  })
  total!: number | null;
}
