import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import { IsOmittable } from '../common/validation/optional';

/** `POST /forms/:key/versions`: publish a new version of the district's form. */
export class PublishFormDto {
  @ApiProperty({
    description: 'Formily 2.3 JSON Schema，根节点 type: object，含 x-cf: { title, reads, writes }',
    type: 'object',
    additionalProperties: true,
  })
  @IsObject()
  schema!: Record<string, unknown>;

  @ApiPropertyOptional({ description: '表单标题；给出时覆盖 schema 中 x-cf.title' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  title?: string;
}

export class FormSummaryResponse {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) publishedAt!: string;
  @ApiPropertyOptional({ description: '发布人的用户 id' }) publishedBy?: string;
}

export class FormVersionResponse extends FormSummaryResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) schema!: Record<string, unknown>;
  @ApiProperty({ type: [String], description: '只读显示的流程变量（x-cf.reads）' })
  reads!: string[];
  @ApiProperty({ type: [String], description: '表单写入的流程变量（x-cf.writes）' })
  writes!: string[];
}

export class FormLatestResponse {
  @ApiProperty() version!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) schema!: Record<string, unknown>;
}

export class FormDetailResponse {
  @ApiProperty() key!: string;
  @ApiProperty({ type: [FormSummaryResponse], description: '全部版本，新版本在前' })
  versions!: FormSummaryResponse[];
  @ApiProperty({ type: FormLatestResponse }) latest!: FormLatestResponse;
}
