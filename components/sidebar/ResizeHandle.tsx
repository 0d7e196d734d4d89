/** The panel's left edge: drag, or focus and use the arrow keys, to change its width. */
import { MAX_WIDTH, MIN_WIDTH } from './sidebar-state';
import { t } from './i18n';

export function ResizeHandle({ width, onResize }: { width: number; onResize: (w: number) => void }) {
  const clamp = (w: number) => Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(w)));
  return (
    <div
      class="resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('sidebar_resize', 'Resize the sidebar')}
      aria-valuemin={MIN_WIDTH}
      aria-valuemax={MAX_WIDTH}
      aria-valuenow={width}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onResize(clamp(width + 20));
        else if (e.key === 'ArrowRight') onResize(clamp(width - 20));
      }}
      onPointerDown={(e) => {
        const startX = e.clientX;
        const startW = width;
        const target = e.currentTarget;
        target.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => onResize(clamp(startW + (startX - ev.clientX)));
        const up = () => {
          target.removeEventListener('pointermove', move);
          target.removeEventListener('pointerup', up);
        };
        target.addEventListener('pointermove', move);
        target.addEventListener('pointerup', up);
      }}
    />
  );
}
