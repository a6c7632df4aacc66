import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { UNIT_KINDS, type UnitKind } from '../accounts/units/unit.document';
import { PASSWORD_POLICY_TEXT } from '../accounts/users/password-policy';
import { USERNAME_PATTERN, USERNAME_RULE } from '../accounts/users/user.dto';
import { DISTRICT_CODE_PATTERN } from './district.document';

export class DistrictAdminDto {
  @ApiProperty({ example: 'xx-admin', description: USERNAME_RULE })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username!: string;

  @ApiProperty({ example: '区人大管理员' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  name!: string;

  @ApiProperty({ description: PASSWORD_POLICY_TEXT })
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class DistrictUnitDto {
  @ApiProperty({ example: '区教育局' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;
}

export class CreateDistrictDto {
  @ApiProperty({ example: '某某区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  name!: string;

  @ApiProperty({ example: '110101', description: '小写字母、数字或 -，2–32 位；创建后即为区县 id' })
  @IsString()
  @Matches(DISTRICT_CODE_PATTERN, { message: '区县代码须为 2–32 位小写字母、数字或 -' })
  code!: string;

  @ApiProperty({ type: [String], description: '要复制的模板 key' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  templates!: string[];

  @ApiProperty({
    description: '{ [角色 key]: 用户名[] }；新区县创建时只有管理员账号，故只能填写 admin.username',
    example: { office: ['xx-admin'] },
  })
  @IsObject()
  roleMapping!: Record<string, unknown>;

  @ApiPropertyOptional({ description: '区县参数（见 processes/parameters.md），缺省取默认值' })
  @IsOptional()
  @IsObject()
  parameters?: Record<string, unknown>;

  @ApiProperty({ type: DistrictAdminDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DistrictAdminDto)
  admin!: DistrictAdminDto;

  @ApiPropertyOptional({ type: [DistrictUnitDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DistrictUnitDto)
  units?: DistrictUnitDto[];
}

export class DistrictSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class ClonedTemplateResponse {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
}

export class CurrentDistrictResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() code!: string;
  @ApiProperty({ type: [ClonedTemplateResponse] }) clonedTemplates!: ClonedTemplateResponse[];
}

export class CreatedDistrictResponse {
  @ApiProperty() id!: string;
}
