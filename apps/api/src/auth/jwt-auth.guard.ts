import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { EdgeRequest } from '../context/edge-request';
import { RequestRateLimiter } from '../security/rate-limiter';
import { bearerTokenOf } from './bearer-token';
import { IS_PUBLIC } from './public.decorator';
import { TokenVerifier } from './token-verifier';

/** Global: every route needs a valid bearer token unless marked @Public(); every request is rate-limited here. */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly limiter: RequestRateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<EdgeRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    // Every request is charged once: by principal when it has one, else by IP (refused tokens too).
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) {
      this.limiter.charge(request, response);
      return true;
    }
    try {
      request.actor = await this.verifier.actorOf(bearerTokenOf(request.headers.authorization));
    } catch (error) {
      this.limiter.charge(request, response);
      throw error;
    }
    this.limiter.charge(request, response, request.actor);
    return true;
  }
}
