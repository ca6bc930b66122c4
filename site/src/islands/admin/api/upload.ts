import type { AdminApi } from './client';
import { ApiError } from './errors';
import type { Media } from './types';

export interface UploadHandle {
  promise: Promise<Media>;
  abort(): void;
}

/**
 * `POST /admin/media` with XMLHttpRequest, because fetch reports no upload progress. Same rules as
 * every other call: cookies, the CSRF header, and one silent refresh on a 401.
 */
export function uploadMedia(
  api: AdminApi,
  file: File,
  alt: string,
  onProgress: (fraction: number) => void,
): UploadHandle {
  let current: XMLHttpRequest | undefined;
  let aborted = false;

  const send = () =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      current = xhr;
      xhr.open('POST', `${api.baseUrl}/api/v1/admin/media`);
      xhr.withCredentials = true;
      const token = api.csrfToken();
      if (token) xhr.setRequestHeader('x-csrf-token', token);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(e.loaded / e.total);
      };
      xhr.onload = () => {
        let body: unknown = xhr.responseText;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          // A proxy's HTML error page: keep the text.
        }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => reject(new ApiError(0, undefined));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      const form = new FormData();
      form.append('file', file);
      if (alt.trim()) form.append('alt', alt.trim());
      xhr.send(form);
    });

  const promise = (async () => {
    let res = await send();
    if (res.status === 401 && !aborted && (await api.refresh())) {
      onProgress(0);
      res = await send();
    }
    if (res.status < 200 || res.status >= 300) throw new ApiError(res.status, res.body);
    onProgress(1);
    return res.body as Media;
  })();

  return {
    promise,
    abort() {
      aborted = true;
      current?.abort();
    },
  };
}
