#ifndef DLPLOT_CGIF_SHIM_H
#define DLPLOT_CGIF_SHIM_H
#include <gif_lib.h>
#include <stdlib.h>
#include <string.h>

/* Growing memory buffer for an encoded GIF; the caller frees `data` with dlplot_gif_sink_free. */
typedef struct { unsigned char *data; size_t size; size_t capacity; int failed; } dlplot_gif_sink;

static int dlplot_gif_sink_write(GifFileType *gif, const GifByteType *bytes, int n) {
    dlplot_gif_sink *s = (dlplot_gif_sink *)gif->UserData;
    if (s->failed || n < 0) return 0;
    if (s->size + (size_t)n > s->capacity) {
        size_t capacity = (s->size + (size_t)n) * 2 + 4096;
        unsigned char *data = (unsigned char *)realloc(s->data, capacity);
        if (!data) { s->failed = 1; return 0; }
        s->data = data; s->capacity = capacity;
    }
    memcpy(s->data + s->size, bytes, (size_t)n);
    s->size += (size_t)n;
    return n;
}

static inline void dlplot_gif_sink_free(dlplot_gif_sink *s) { free(s->data); s->data = NULL; s->size = s->capacity = 0; }

/* Opens a GIF89a stream of width x height with a global palette of 256 RGB triples (`palette`, 768 bytes);
 * `loop` writes the NETSCAPE2.0 extension asking viewers to repeat forever. Returns NULL on failure. */
static inline GifFileType *dlplot_gif_open(dlplot_gif_sink *sink, int width, int height, const unsigned char *palette, int loop) {
    int error = 0;
    GifFileType *gif = EGifOpen(sink, dlplot_gif_sink_write, &error);
    if (!gif) return NULL;
    EGifSetGifVersion(gif, true);
    GifColorType colors[256];
    for (int i = 0; i < 256; i++) { colors[i].Red = palette[3 * i]; colors[i].Green = palette[3 * i + 1]; colors[i].Blue = palette[3 * i + 2]; }
    ColorMapObject *map = GifMakeMapObject(256, colors);
    if (!map) { EGifCloseFile(gif, &error); return NULL; }
    int ok = EGifPutScreenDesc(gif, width, height, 8, 0, map) == GIF_OK;
    GifFreeMapObject(map);
    if (ok && loop) {
        unsigned char repeat[3] = {1, 0, 0};
        ok = EGifPutExtensionLeader(gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK
            && EGifPutExtensionBlock(gif, 11, "NETSCAPE2.0") == GIF_OK
            && EGifPutExtensionBlock(gif, 3, repeat) == GIF_OK
            && EGifPutExtensionTrailer(gif) == GIF_OK;
    }
    if (!ok) { EGifCloseFile(gif, &error); return NULL; }
    return gif;
}

/* Writes one image: the rectangle (x, y, w, h) of `indices` (one byte a pixel, `stride` bytes a row, the
 * rectangle's own top-left first), shown for `delay` hundredths of a second, left in place for the next
 * frame; `transparent` is the palette index that lets the previous frame show through, or -1. */
static inline int dlplot_gif_frame(GifFileType *gif, const unsigned char *indices, size_t stride,
                                   int x, int y, int w, int h, int delay, int transparent) {
    GraphicsControlBlock gcb;
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = delay;
    gcb.TransparentColor = transparent;
    GifByteType ext[4];
    EGifGCBToExtension(&gcb, ext);
    if (EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) != GIF_OK) return 0;
    if (EGifPutImageDesc(gif, x, y, w, h, false, NULL) != GIF_OK) return 0;
    for (int row = 0; row < h; row++) {
        if (EGifPutLine(gif, (GifPixelType *)(indices + (size_t)row * stride), w) != GIF_OK) return 0;
    }
    return 1;
}

/* Ends the stream and frees the encoder. Returns 1 on success. */
static inline int dlplot_gif_close(GifFileType *gif) {
    int error = 0;
    return EGifCloseFile(gif, &error) == GIF_OK;
}
#endif
