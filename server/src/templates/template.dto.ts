import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TemplateResponse {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty() version!: number;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String], description: '先安装的被调用模板' }) dependsOn!: string[];
  @ApiProperty({ type: [String] }) processKeys!: string[];
  @ApiProperty({ type: [String] }) formKeys!: string[];
  @ApiProperty({ type: [String] }) documentKeys!: string[];
}

export class TemplateUpdateResponse {
  @ApiProperty() key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: '本区县安装的版本' }) from!: number;
  @ApiProperty({ description: '模板库的新版本' }) to!: number;
  @ApiPropertyOptional({
    nullable: true,
    description:
      '{ processes: [{ key, change, elements: { added, removed, renamed } }], forms: [{ key, change, fields: { added, removed, renamed } }], documents: { added, removed } }；未记录旧版本内容时为 null',
  })
  diff!: unknown;
}

export class AppliedFormResponse {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: '是否因与本区县最新版本不同而新发布' }) published!: boolean;
}

export class AppliedProcessResponse {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: '是否新部署为本区县的新版本' }) deployed!: boolean;
}

export class AppliedUpdateResponse {
  @ApiProperty() key!: string;
  @ApiProperty() from!: number;
  @ApiProperty({ description: '模板库的新版本' }) version!: number;
  @ApiProperty({ type: [AppliedFormResponse], description: '各表单在本区县的当前版本' })
  forms!: AppliedFormResponse[];
  @ApiProperty({ type: [AppliedProcessResponse], description: '各流程在本区县的当前版本' })
  processes!: AppliedProcessResponse[];
}
