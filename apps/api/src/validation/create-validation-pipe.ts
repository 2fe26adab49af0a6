import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { problems } from '../errors/problems';
import { fieldErrorsOf } from './field-errors';
import { nestsDeeperThan } from './json-depth';
import { MAX_BODY_DEPTH } from './limits';

/**
 * Every body is a JSON object: class-transformer would turn an array into an object with keys
 * "0", "1"..., and the client would read about fields it never sent. And it nests only so deep:
 * a 1 MB body can nest half a million levels, which overflows the recursive transformers. The
 * JSON body parser refuses such text before parsing it (hostile-input/json-body-verify.ts); this
 * check stays for bodies that reach the pipe any other way.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && value !== undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw problems.invalidField('body', 'must be a JSON object');
      if (nestsDeeperThan(value, MAX_BODY_DEPTH)) throw problems.invalidField('body', `must not nest deeper than ${MAX_BODY_DEPTH} levels`);
    }
    return super.transform(value, metadata);
  }
}

/**
 * Unknown fields are refused rather than dropped, so a client's typo fails loudly instead of
 * being silently ignored. No implicit conversion: `"5"` is not a rating.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // The value tells a missing field from a wrong one (field-errors.ts); it never reaches the answer.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => problems.validation(fieldErrorsOf(errors)),
  });
}
