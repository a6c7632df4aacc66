import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, Matches } from 'class-validator';

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
