export * from './assignment-resolvers';
