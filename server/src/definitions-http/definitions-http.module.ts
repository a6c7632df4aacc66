import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { DefinitionReferencesService } from './definition-references.service';
import { DefinitionsController } from './definitions.controller';
import { DefinitionsService } from './definitions.service';
import { HandlersController } from './handlers.controller';

/**
 * `/definitions` and `/handlers` over the engine of the workflow platform (WORKFLOW_PLATFORM,
 * global), and what the designer's pickers read from deployments (variables, message names).
 * Exports DefinitionsService: `assertMayStart` is the candidate-starter check of `POST /instances`.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [DefinitionsController, HandlersController],
  providers: [DefinitionsService, DefinitionReferencesService],
  exports: [DefinitionsService],
})
export class DefinitionsHttpModule {}
