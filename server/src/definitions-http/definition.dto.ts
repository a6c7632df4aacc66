import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** `POST /definitions`, `POST /definitions/validate`: a BPMN 2.0 file as text. */
export class DefinitionXmlDto {
  @ApiProperty({ description: 'BPMN 2.0 XML（含 Camunda 扩展属性），≤ 5 MB' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5 * 1024 * 1024)
  xml!: string;
}

export class FormBindingResponse {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
}

export class DefinitionResponse {
  @ApiProperty({ description: '流程 key（BPMN process id）' }) key!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty() version!: number;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) deployedAt!: string;
  @ApiPropertyOptional({ description: '部署人的用户 id' }) deployedBy?: string;
  @ApiProperty({ type: [FormBindingResponse], description: '部署时锁定的表单版本' })
  forms!: FormBindingResponse[];
}

export class StartableResponse {
  @ApiProperty() key!: string;
  @ApiPropertyOptional() name?: string;
  @ApiProperty({ description: '当前生效（最新的已启用）版本' }) version!: number;
  @ApiPropertyOptional({ type: FormBindingResponse, description: '开始表单；没有则省略' })
  startForm?: FormBindingResponse;
}

export class DeploymentProblemResponse {
  @ApiProperty({ description: '出问题的 BPMN 元素 id；整个文件的问题为空串' }) elementId!: string;
  @ApiProperty() message!: string;
}

export class ValidationReportResponse {
  @ApiProperty({ type: [DeploymentProblemResponse] }) problems!: DeploymentProblemResponse[];
  @ApiProperty({ type: [DeploymentProblemResponse] }) warnings!: DeploymentProblemResponse[];
}

export class HandlerParameterResponse {
  @ApiProperty({ description: 'camunda:inputParameter 的 name' }) name!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional() required?: boolean;
}

export class HandlerResponse {
  @ApiProperty({ description: '服务任务的 camunda:topic' }) topic!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [HandlerParameterResponse] }) parameters!: HandlerParameterResponse[];
}
