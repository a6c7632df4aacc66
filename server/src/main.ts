import { exitOnStartError, runServer } from './run-server';

runServer().catch(exitOnStartError);
