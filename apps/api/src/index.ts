/** What other apps compose or reuse: the module, its HTTP set-up, and adding users (`vigil users add`). */
export { ApiModule, API_CONTROLLERS } from './api.module';
export { ApiConfig, loadApiConfig } from './api.config';
export { configureHttpApp } from './http-app';
export { createUser, CreateUserInput } from './auth/create-user.usecase';
export { UsersRepository } from './auth/users.repository';
export { SaveWatchUseCase } from './watches/save-watch.usecase';
export { WatchesRepository } from './watches/watches.repository';
