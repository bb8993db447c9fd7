/** What other apps compose or reuse: the module, its HTTP set-up, and managing users and keys (`vigil users`, `vigil api-keys`, `vigil audit`). */
export { ApiModule, API_CONTROLLERS } from './api.module';
export { ApiConfig, loadApiConfig } from './api.config';
export { configureHttpApp } from './http-app';
export { createUser, CreateUserInput } from './auth/create-user.usecase';
export { UsersRepository } from './auth/users.repository';
export { SaveWatchUseCase } from './watches/save-watch.usecase';
export { WatchesRepository } from './watches/watches.repository';
export { ApiKeysRepository } from './auth/api-keys.repository';
export { SessionsRepository } from './auth/sessions.repository';
export { AuditLog } from './auth/audit-log';
export { UserAdminUseCase, type AdminResult } from './auth/user-admin.usecase';
export { KeyAdminUseCase } from './auth/key-admin.usecase';
export { CreateApiKeyBody } from './auth/auth.dto';
export { KnowledgeRepository } from './knowledge/knowledge.repository';
export { loadKnowledgeFile, seedKnowledge } from './knowledge/knowledge-file';
