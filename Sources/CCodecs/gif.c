/* GIF89a through giflib, loaded at run time (libgif.so.7 is giflib 5's soname). */
#include "viz_codecs.h"
#include "codec_loading.h"
#include <gif_lib.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#if GIFLIB_MAJOR != 5
#error "Viz loads giflib 5 (libgif.so.7); these headers are another major version"
#endif

#define GIF_FUNCTIONS(X) \
    X(0, EGifOpen) X(0, EGifSetGifVersion) X(0, GifMakeMapObject) X(0, GifFreeMapObject) X(0, EGifPutScreenDesc) \
    X(0, EGifPutExtensionLeader) X(0, EGifPutExtensionBlock) X(0, EGifPutExtensionTrailer) X(0, EGifCloseFile) \
    X(0, EGifGCBToExtension) X(0, EGifPutExtension) X(0, EGifPutImageDesc) X(0, EGifPutLine)

static struct gif_api { GIF_FUNCTIONS(VIZ_FIELD) } api;
#define GIF_ENTRY(lib, fn) VIZ_ENTRY(gif_api, lib, fn)
static const viz_symbol symbols[] = { GIF_FUNCTIONS(GIF_ENTRY) };

viz_codec_spec viz_gif_spec = {
    1,
#ifdef __APPLE__
    {"libgif.7.dylib"},
#else
    {"libgif.so.7"},
#endif
    symbols, (int)(sizeof symbols / sizeof *symbols), &api, sizeof api, 0
};

struct viz_gif_writer { GifFileType *gif; unsigned char *data; size_t size, capacity; int failed; };

static int sink_write(GifFileType *gif, const GifByteType *bytes, int n) {
    viz_gif_writer *s = (viz_gif_writer *)gif->UserData;
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

void viz_gif_free(viz_gif_writer *w) {
    if (!w) return;
    int error = 0;
    if (w->gif) api.EGifCloseFile(w->gif, &error);
    free(w->data);
    free(w);
}

viz_gif_writer *viz_gif_open(int width, int height, const unsigned char *palette, int loop) {
    if (!viz_codec_ready(&viz_gif_spec)) return NULL;
    viz_gif_writer *w = (viz_gif_writer *)calloc(1, sizeof *w);
    if (!w) return NULL;
    int error = 0;
    w->gif = api.EGifOpen(w, sink_write, &error);
    if (!w->gif) { free(w); return NULL; }
    api.EGifSetGifVersion(w->gif, true);
    GifColorType colors[256];
    for (int i = 0; i < 256; i++) { colors[i].Red = palette[3 * i]; colors[i].Green = palette[3 * i + 1]; colors[i].Blue = palette[3 * i + 2]; }
    ColorMapObject *map = api.GifMakeMapObject(256, colors);
    if (!map) { viz_gif_free(w); return NULL; }
    int ok = api.EGifPutScreenDesc(w->gif, width, height, 8, 0, map) == GIF_OK;
    api.GifFreeMapObject(map);
    if (ok && loop) {
        unsigned char repeat[3] = {1, 0, 0};
        ok = api.EGifPutExtensionLeader(w->gif, APPLICATION_EXT_FUNC_CODE) == GIF_OK
            && api.EGifPutExtensionBlock(w->gif, 11, "NETSCAPE2.0") == GIF_OK
            && api.EGifPutExtensionBlock(w->gif, 3, repeat) == GIF_OK
            && api.EGifPutExtensionTrailer(w->gif) == GIF_OK;
    }
    if (!ok) { viz_gif_free(w); return NULL; }
    return w;
}

int viz_gif_frame(viz_gif_writer *w, const unsigned char *indices, size_t stride,
                     int x, int y, int width, int height, int delay, int transparent) {
    if (!w || !w->gif) return 0;
    GraphicsControlBlock gcb;
    gcb.DisposalMode = DISPOSE_DO_NOT;
    gcb.UserInputFlag = false;
    gcb.DelayTime = delay;
    gcb.TransparentColor = transparent;
    GifByteType ext[4];
    api.EGifGCBToExtension(&gcb, ext);
    if (api.EGifPutExtension(w->gif, GRAPHICS_EXT_FUNC_CODE, 4, ext) != GIF_OK) return 0;
    if (api.EGifPutImageDesc(w->gif, x, y, width, height, false, NULL) != GIF_OK) return 0;
    for (int row = 0; row < height; row++) {
        if (api.EGifPutLine(w->gif, (GifPixelType *)(indices + (size_t)row * stride), width) != GIF_OK) return 0;
    }
    return !w->failed;
}

int viz_gif_finish(viz_gif_writer *w, unsigned char **out, size_t *size) {
    *out = NULL; *size = 0;
    if (!w || !w->gif) { viz_gif_free(w); return 0; }
    int error = 0;
    int ok = api.EGifCloseFile(w->gif, &error) == GIF_OK && !w->failed;
    w->gif = NULL;
    if (ok) { *out = w->data; *size = w->size; w->data = NULL; }
    viz_gif_free(w);
    return ok;
}
