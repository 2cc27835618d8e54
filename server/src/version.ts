/** The product version; a test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
export const PRODUCT_NAME = 'strategy-lint';
export const HOMEPAGE = 'https://github.com/strategy-lint/strategy-lint';
