import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';

/**
 * The camera's fallback reader where the browser has no BarcodeDetector (Firefox, Safari
 * before 17, desktop Chrome on Linux): ZXing in JavaScript on a downscaled frame. Imported
 * with import() by the camera only, so no other page loads it.
 */
export function createZxingDecoder(): (video: HTMLVideoElement) => string | undefined {
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.EAN_13, BarcodeFormat.EAN_8, BarcodeFormat.UPC_A, BarcodeFormat.UPC_E, BarcodeFormat.CODE_128, BarcodeFormat.QR_CODE]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  reader.setHints(hints);
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  return (video) => {
    if (!context || video.videoWidth === 0) return undefined;
    // 800 px across is plenty for a code that fills a third of the frame, and keeps a phone cool.
    const scale = Math.min(1, 800 / video.videoWidth);
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    canvas.width = width;
    canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    const { data } = context.getImageData(0, 0, width, height);
    const luminance = new Uint8ClampedArray(width * height);
    for (let pixel = 0, byte = 0; pixel < luminance.length; pixel += 1, byte += 4) {
      luminance[pixel] = (data[byte]! * 299 + data[byte + 1]! * 587 + data[byte + 2]! * 114) / 1000;
    }
    try {
      return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(luminance, width, height)))).getText();
    } catch {
      // No code in this frame, or a blurred one that failed its checksum: the next frame tries again.
      return undefined;
    } finally {
      reader.reset();
    }
  };
}
