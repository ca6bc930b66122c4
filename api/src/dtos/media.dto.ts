/** A resized copy made by the variants job, for `srcset`. */
export interface MediaVariantView {
  width: number;
  height: number;
  /** `webp` or `avif`. */
  format: string;
  bytes: number;
  url: string;
}

export interface MediaView {
  id: string;
  /** Public URL of the original (EXIF/GPS stripped, orientation applied); cacheable for a year. */
  url: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  width: number | null;
  height: number | null;
  alt: string;
  /** Focal point in percent of width/height (0–100), for cropping; null = centre. */
  focalX: number | null;
  focalY: number | null;
  /** `processing` until the variants job has run; `failed` when it gave up (the original is still served). */
  status: 'processing' | 'ready' | 'failed';
  variants: MediaVariantView[];
  /** SHA-256 of the stored original. */
  sha256: string;
  uploadedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MediaPage {
  items: MediaView[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export interface UpdateMediaRequest {
  /** Text alternative for screen readers. @maxLength 500 */
  alt?: string;
  /** Percent from the left (0–100); null clears the focal point. @isInt @minimum 0 @maximum 100 */
  focalX?: number | null;
  /** Percent from the top (0–100); null clears the focal point. @isInt @minimum 0 @maximum 100 */
  focalY?: number | null;
}
