import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class EmailSettingsDto {
  @ApiProperty({ example: 'smtp.example.gov.cn' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  host!: string;

  @ApiProperty({ example: 465 })
  @IsInt()
  @Min(1)
  @Max(65535)
  port!: number;

  @ApiProperty({ description: 'true：端口 465 等直接 TLS；false：服务器支持时用 STARTTLS' })
  @IsBoolean()
  secure!: boolean;

  @ApiPropertyOptional({ example: 'noreply@example.gov.cn' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  user?: string;

  @ApiPropertyOptional({ description: '不填则保留已保存的密码；读取时从不返回' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiProperty({ example: '"示范区人大常委会" <noreply@example.gov.cn>' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  from!: string;
}

export class SmsTemplatesDto {
  @ApiPropertyOptional({ description: '其他类别通知使用的模板' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  default?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) assigned?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) claimable?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) reminder?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) overdue?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) returned?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) completed?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) digest?: string;
}

export class SmsSettingsDto {
  @ApiProperty({ example: 'https://sms.example.com/api/send' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  url!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  appKey!: string;

  @ApiPropertyOptional({ description: '不填则保留已保存的密钥；读取时从不返回' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  appSecret?: string;

  @ApiProperty({ example: '示范区人大' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  signName!: string;

  @ApiProperty({ type: SmsTemplatesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SmsTemplatesDto)
  templates!: SmsTemplatesDto;
}

/** `null` (or leaving it out) turns the channel off for the district. */
export class NotificationSettingsDto {
  @ApiPropertyOptional({ type: EmailSettingsDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => EmailSettingsDto)
  email?: EmailSettingsDto | null;

  @ApiPropertyOptional({ type: SmsSettingsDto, nullable: true })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SmsSettingsDto)
  sms?: SmsSettingsDto | null;
}
