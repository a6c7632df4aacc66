import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { ListQueryDto } from '../../common/pagination/pagination';
import { IsOmittable } from '../../common/validation/optional';
import { ROLE_KEYS, type RoleKey } from '../roles/role-catalog';
import { PASSWORD_POLICY_TEXT } from './password-policy';

/** Login names: letters, digits and . _ - @, 3–40 characters (phone numbers and pinyin fit). */
export const USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,39}$/;
export const USERNAME_RULE = '用户名须为 3–40 个字母、数字或 . _ - @，以字母或数字开头';
const PHONE_PATTERN = /^[0-9+\- ]{5,20}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', description: USERNAME_RULE })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username!: string;

  @ApiProperty({ example: '张三', maxLength: 40 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  name!: string;

  @ApiProperty({ description: PASSWORD_POLICY_TEXT })
  @IsString()
  @MaxLength(200)
  password!: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: '电话号码格式不正确' })
  phone?: string;

  @ApiPropertyOptional({ description: '所属单位 id' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  unitId?: string;

  @ApiPropertyOptional({ enum: ROLE_KEYS, isArray: true, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ROLE_KEYS.length)
  @ArrayUnique()
  @IsIn(ROLE_KEYS, { each: true })
  roles?: RoleKey[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  isDistrictAdmin?: boolean;
}

/** Every field optional; `null` clears phone and unit. A new password ends the user's sessions. */
export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 40 })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: '电话号码格式不正确' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  unitId?: string | null;

  @ApiPropertyOptional({ enum: ROLE_KEYS, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(ROLE_KEYS.length)
  @ArrayUnique()
  @IsIn(ROLE_KEYS, { each: true })
  roles?: RoleKey[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  isDistrictAdmin?: boolean;

  @ApiPropertyOptional({ description: `重置密码。${PASSWORD_POLICY_TEXT}` })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ description: '停用后该用户无法登录，已登录的会话立即失效' })
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;
}

export class ListUsersQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: '按姓名或用户名搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  q?: string;

  @ApiPropertyOptional({ enum: ROLE_KEYS })
  @IsOptional()
  @IsIn(ROLE_KEYS)
  role?: RoleKey;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  unitId?: string;
}

export class UserResponse {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional() phone?: string;
  @ApiPropertyOptional() unitId?: string;
  @ApiProperty({ enum: ROLE_KEYS, isArray: true }) roles!: RoleKey[];
  @ApiProperty() isDistrictAdmin!: boolean;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
