import type { RequestHandler } from 'express';
import multer, { type Multer } from 'multer';
import { Errors } from '../errors/catalogue.js';

/**
 * The multer instance tsoa's generated routes use for `@UploadedFile` (passed to RegisterRoutes).
 * Files stay in memory but never beyond `maxBytes`: past it multer stops buffering, drains the
 * rest of the request and answers 413. The few form fields an upload has are capped as well.
 */
export function uploadParser(maxBytes: number): Multer {
  const base = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 8, fieldSize: 8 * 1024, parts: 10, headerPairs: 100 },
    // Browsers send file names as raw UTF-8 ("Fotoğraf.jpg"); busboy's default would read latin1.
    // (multer 2 supports the option; @types/multer does not list it yet.)
    defParamCharset: 'utf8',
  } as multer.Options);
  const guarded = Object.create(base) as Multer;
  guarded.fields = (fields) => guard(base.fields(fields), maxBytes);
  guarded.single = (name) => guard(base.single(name), maxBytes);
  return guarded;
}

/**
 * Without multipart there is nothing for multer to parse and tsoa would crash on the missing
 * `req.files`; and busboy's parse errors are the client's malformed body, not our bug.
 */
function guard(parse: RequestHandler, maxBytes: number): RequestHandler {
  return (req, res, next) => {
    if (!req.is('multipart/form-data')) {
      return next(
        Errors.unsupportedMediaType('Send multipart/form-data with the image in the field "file".', [
          { field: 'file', message: 'expected a multipart/form-data upload' },
        ]),
      );
    }
    void parse(req, res, (err?: unknown) => {
      if (err === undefined || err === null) return next();
      if (err instanceof multer.MulterError) {
        if (err.code !== 'LIMIT_FILE_SIZE') return next(err);
        return next(
          Errors.payloadTooLarge(`The file is larger than the ${formatBytes(maxBytes)} upload limit.`, [
            { field: err.field ?? 'file', message: `at most ${maxBytes} bytes` },
          ]),
        );
      }
      next(Errors.badRequest(`The multipart body is malformed: ${(err as Error).message ?? 'unreadable'}.`));
    });
  };
}

function formatBytes(n: number): string {
  return n % 1_048_576 === 0 ? `${n / 1_048_576} MB` : `${n} byte`;
}
