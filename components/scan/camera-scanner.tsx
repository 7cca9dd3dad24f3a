'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';

/** The codes shelf labels and packs carry: retail GTINs, Code 128 (our SKU labels) and QR. */
const FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128', 'qr_code'];
/** The camera sees the same code in frame after frame: it counts again only after this long out of sight. */
const SAME_CODE_PAUSE_MS = 1200;
const FRAME_INTERVAL_MS = 150;

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorInstance {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats(): Promise<string[]>;
}

type Decode = (video: HTMLVideoElement) => Promise<string | undefined> | string | undefined;

/** The browser's own detector where it reads our formats, else ZXing (fetched only now). */
async function createDecoder(): Promise<Decode> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Detector) {
    const supported = await Detector.getSupportedFormats().catch(() => [] as string[]);
    const formats = FORMATS.filter((format) => supported.includes(format));
    if (formats.length > 0) {
      const detector = new Detector({ formats });
      return async (video) => (await detector.detect(video).catch(() => []))[0]?.rawValue;
    }
  }
  const { createZxingDecoder } = await import('./zxing-decoder');
  return createZxingDecoder();
}

/** What to tell a person whose camera did not start, by the browser's error name. */
function cameraProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return 'Camera access is blocked for this site. Allow the camera in your browser (the camera or lock icon beside the address, or the browser\u2019s site settings), then tap Start camera again. A USB scanner or typing the code works meanwhile.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found on this device. Use a USB scanner or type the code.';
  if (name === 'NotReadableError') return 'The camera is in use by another app. Close it there, then tap Start camera again.';
  return 'The camera could not start. Use a USB scanner or type the code.';
}

/**
 * The phone's camera as a scanner: the back camera where there is one, frames read a few
 * times a second, each new code handed to `onCode` (with a buzz where phones can). Stops
 * when the page is hidden or left, so the camera light does not stay on.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'off' | 'starting' | 'on'>('off');
  const [problem, setProblem] = useState<string | null>(null);
  const session = useRef<{ stream: MediaStream; timer?: ReturnType<typeof setTimeout>; stopped: boolean } | null>(null);
  const seen = useRef<{ code: string; at: number } | null>(null);
  // The frame loop outlives renders: it calls whatever onCode is current.
  const onCodeRef = useRef(onCode);
  useEffect(() => {
    onCodeRef.current = onCode;
  });
  const found = (code: string) => {
    const now = Date.now();
    const last = seen.current;
    seen.current = { code, at: now };
    if (last && last.code === code && now - last.at < SAME_CODE_PAUSE_MS) return;
    navigator.vibrate?.(40);
    onCodeRef.current(code);
  };

  const stop = () => {
    const current = session.current;
    session.current = null;
    if (current) {
      current.stopped = true;
      clearTimeout(current.timer);
      for (const track of current.stream.getTracks()) track.stop();
    }
    if (videoRef.current) videoRef.current.srcObject = null;
    setState('off');
  };

  const start = async () => {
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem('This browser gives the camera only to secure pages (https). Open Stockroom over https, or use a USB scanner or type the code.');
      return;
    }
    setState('starting');
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: 'environment' } }, audio: false });
      const current: NonNullable<typeof session.current> = { stream, stopped: false };
      session.current = current;
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      const decode = await createDecoder();
      setState('on');
      const tick = async () => {
        if (current.stopped) return;
        if (video.readyState >= 2) {
          const code = await decode(video);
          if (code && !current.stopped) found(code);
        }
        if (!current.stopped) current.timer = setTimeout(tick, FRAME_INTERVAL_MS);
      };
      void tick();
    } catch (error) {
      stop();
      setProblem(cameraProblem(error));
    }
  };

  useEffect(() => {
    const hidden = () => {
      if (document.visibilityState === 'hidden') stop();
    };
    document.addEventListener('visibilitychange', hidden);
    return () => {
      document.removeEventListener('visibilitychange', hidden);
      stop();
    };
  }, []);

  return (
    <div>
      <div className={`relative overflow-hidden rounded-lg bg-slate-900 ${state === 'off' ? 'hidden' : ''}`}>
        <video ref={videoRef} className="aspect-[4/3] w-full object-cover" playsInline muted aria-label="Camera view" />
        {/* The aiming guide: a code held inside it fills enough of the frame to be read. */}
        <div className="pointer-events-none absolute inset-x-8 top-1/2 h-1/3 -translate-y-1/2 rounded-lg border-2 border-white/80" aria-hidden="true" />
        <p className="absolute inset-x-0 bottom-2 text-center text-xs font-medium text-white/90" aria-live="polite">
          {state === 'starting' ? 'Starting the camera\u2026' : 'Hold a barcode inside the frame'}
        </p>
      </div>
      <div className={`flex flex-wrap items-center gap-x-3 gap-y-1 ${state === 'off' ? '' : 'mt-2'}`}>
        {state === 'off' ? (
          <Button type="button" variant="secondary" onClick={() => void start()}>
            <CameraIcon />
            Start camera
          </Button>
        ) : (
          <Button type="button" variant="secondary" onClick={stop}>
            Stop camera
          </Button>
        )}
        {state === 'off' && <span className="text-sm text-slate-500">Read barcodes with this device&apos;s camera</span>}
      </div>
      {problem && (
        <p role="alert" className="mt-2 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {problem}
        </p>
      )}
    </div>
  );
}

function CameraIcon() {
  return (
    <svg viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M4 8h3l2-3h6l2 3h3v11H4zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z" />
    </svg>
  );
}
