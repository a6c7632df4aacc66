import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
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
}
