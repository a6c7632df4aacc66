import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../common/validation/optional';
import { ROLE_KEYS } from '../../accounts/roles/role-catalog';
import { PASSWORD_POLICY_TEXT } from '../../accounts/users/password-policy';

export class LoginDto {
  @ApiProperty({ example: 'office' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ description: PASSWORD_POLICY_TEXT })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  newPassword!: string;
}

class NotifyBy {
  @ApiProperty({ description: '收到待办、催办等通知时发邮件' })
  @IsBoolean()
  email!: boolean;

  @ApiProperty({ description: '收到待办、催办等通知时发短信' })
  @IsBoolean()
  sms!: boolean;
}

/** What a person sets about themselves: where they are reached, and how they want to be. */
export class UpdateProfileDto {
  @ApiPropertyOptional({ nullable: true, example: 'wu@example.gov.cn' })
  @IsOptional()
  @IsEmail({}, { message: '邮箱地址格式不正确' })
  @MaxLength(200)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, example: '13800000000', description: '11 位手机号' })
  @IsOptional()
  @IsString()
  @Matches(/^1[3-9]\d{9}$/, { message: '请填写 11 位手机号' })
  phone?: string | null;

  @ApiPropertyOptional({ type: NotifyBy })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => NotifyBy)
  notifyBy?: NotifyBy;
}

class MeDistrict {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class MeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: MeDistrict }) district!: MeDistrict;
  @ApiPropertyOptional() unitId?: string;
  @ApiProperty({ enum: ROLE_KEYS, isArray: true }) roles!: string[];
  @ApiProperty() isPlatformAdmin!: boolean;
  @ApiProperty() isDistrictAdmin!: boolean;
  @ApiPropertyOptional() email?: string;
  @ApiPropertyOptional() phone?: string;
  @ApiProperty({ type: NotifyBy }) notifyBy!: NotifyBy;
}
