import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { Clock, createLogger } from '@vigil/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { UserAdminUseCase } from './user-admin.usecase';
import { UsersRepository } from './users.repository';

/**
 * First start: with no user at all there is no way in, so an `admin` is made. Its
 * password comes from VIGIL_ADMIN_PASSWORD or is generated and printed once (to the
 * terminal, never to the log).
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = createLogger('api');

  constructor(
    private readonly users: UsersRepository,
    private readonly admin: UserAdminUseCase,
    private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureIndex();
    if ((await this.users.count()) > 0) return;
    const r = await this.admin.create({ username: 'admin', role: 'admin', password: this.config.VIGIL_ADMIN_PASSWORD }, 'vigil (first start)', this.clock.now());
    if (!r.ok) return; // another instance made it first
    this.logger.info({ username: 'admin' }, 'created the first admin user');
    if (r.generatedPassword) {
      process.stdout.write(`\n  First start: created user "admin" with password  ${r.generatedPassword}\n  (shown once; set VIGIL_ADMIN_PASSWORD to choose it, or add users with \`vigil users add <name> --role <role>\`)\n\n`);
    }
  }
}
