import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsOmittable } from '../../common/validation/optional';
import { UNIT_KINDS, type UnitKind } from './unit.document';

export class CreateUnitDto {
  @ApiProperty({ example: '区发改局', maxLength: 60 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name!: string;

  @ApiProperty({
    enum: UNIT_KINDS,
    description: 'unit 承办单位, committee, office, govOffice, other',
  })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;
}

export class UpdateUnitDto {
  @ApiPropertyOptional({ maxLength: 60 })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOmittable()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;
}

export class UnitResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: UnitKind;
}
