import { IsUrl, MaxLength } from 'class-validator';
import { MAX_URL_LENGTH } from './limits';

/** An absolute http(s) URL of at most 2,048 characters; intranet hosts without a TLD allowed. */
export function IsHttpUrl(): PropertyDecorator {
  const isUrl = IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: '$property must be an absolute http or https URL' },
  );
  const maxLength = MaxLength(MAX_URL_LENGTH);
  return (target, propertyKey) => {
    isUrl(target, propertyKey);
    maxLength(target, propertyKey);
  };
}
