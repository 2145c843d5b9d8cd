#ifndef DLPLOT_CWEBP_SHIM_H
#define DLPLOT_CWEBP_SHIM_H
#include <stdlib.h>
#include <string.h>
#include <webp/encode.h>
#include <webp/mux.h>
#include <webp/demux.h>

/* Starts an animated WebP of width x height; `loop` repeats forever (loop count 0), else it plays once.
 * Returns NULL when libwebp refuses (a side over 16383 pixels, no memory). */
static inline WebPAnimEncoder *dlplot_webp_open(int width, int height, int loop) {
    WebPAnimEncoderOptions options;
    if (!WebPAnimEncoderOptionsInit(&options)) return NULL;
    options.anim_params.loop_count = loop ? 0 : 1;
    options.allow_mixed = 0;
    options.minimize_size = 0;
    return WebPAnimEncoderNew(width, height, &options);
}

/* Adds a frame of Cairo's opaque ARGB32 pixels (B, G, R, A bytes), `stride` bytes a row, shown from
 * `timestamp` ms, losslessly (single-threaded, so the bytes never depend on the machine). Returns 1 on success. */
static inline int dlplot_webp_add(WebPAnimEncoder *encoder, const uint8_t *bgra, int width, int height, int stride, int timestamp) {
    WebPConfig config;
    if (!WebPConfigInit(&config)) return 0;
    config.lossless = 1;
    config.quality = 25;
    config.method = 1;
    config.thread_level = 0;
    config.exact = 1;
    WebPPicture picture;
    if (!WebPPictureInit(&picture)) return 0;
    picture.use_argb = 1;
    picture.width = width;
    picture.height = height;
    if (!WebPPictureImportBGRA(&picture, bgra, stride)) return 0;
    int ok = WebPAnimEncoderAdd(encoder, &picture, timestamp, &config);
    WebPPictureFree(&picture);
    return ok;
}

/* Ends the animation at `end` ms and returns the file (malloc'ed; the caller frees it) in *out, *size;
 * frees the encoder. Returns 1 on success. */
static inline int dlplot_webp_finish(WebPAnimEncoder *encoder, int end, uint8_t **out, size_t *size) {
    int ok = WebPAnimEncoderAdd(encoder, NULL, end, NULL);
    WebPData data;
    WebPDataInit(&data);
    ok = ok && WebPAnimEncoderAssemble(encoder, &data);
    WebPAnimEncoderDelete(encoder);
    *out = NULL; *size = 0;
    if (!ok) { WebPDataClear(&data); return 0; }
    *out = (uint8_t *)malloc(data.size ? data.size : 1);
    if (!*out) { WebPDataClear(&data); return 0; }
    memcpy(*out, data.bytes, data.size);
    *size = data.size;
    WebPDataClear(&data);
    return 1;
}
#endif
