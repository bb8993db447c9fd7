import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AuthGuard } from './auth.guard';
import { PUBLIC_KEY, ROLES_KEY, type Principal, type Role } from './roles';

/** The lowest role a route needs (roles are ordered: viewer < analyst < responder < admin). */
export const Roles = (role: Role) => SetMetadata(ROLES_KEY, role);

/** Opts a route out of authentication (login only). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Every api controller carries this: the guard runs on each route, and routes without
 * `@Roles()` still need a signed-in principal (viewer or above).
 */
export const Authenticated = () =>
  applyDecorators(
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiSecurity('api-key'),
    ApiUnauthorizedResponse({ description: 'no or bad credentials' }),
    ApiForbiddenResponse({ description: 'role too low' }),
  );

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => ctx.switchToHttp().getRequest<{ principal: Principal }>().principal);
