/* Animated WebP through libwebp's WebPAnimEncoder (libwebpmux.so.3 over libwebp.so.7), loaded at run time.
 * The headers' inline helpers (WebPConfigInit, WebPAnimEncoderNew, WebPDataClear...) call library functions
 * directly, so the ABI-versioned functions behind them are called through the table instead. */
#include "viz_codecs.h"
#include "codec_loading.h"
#include <stdlib.h>
#include <string.h>
#include <webp/encode.h>
#include <webp/mux.h>

#if (WEBP_ENCODER_ABI_VERSION >> 8) != 2 || (WEBP_MUX_ABI_VERSION >> 8) != 1
#error "Viz loads libwebp 1.x (libwebp.so.7, libwebpmux.so.3); these headers are another ABI"
#endif

#define WEBP_FUNCTIONS(X) \
    X(0, WebPConfigInitInternal) X(0, WebPPictureInitInternal) X(0, WebPPictureImportBGRA) X(0, WebPPictureFree) \
    X(0, WebPFree) \
    X(1, WebPAnimEncoderOptionsInitInternal) X(1, WebPAnimEncoderNewInternal) X(1, WebPAnimEncoderAdd) \
    X(1, WebPAnimEncoderAssemble) X(1, WebPAnimEncoderDelete)

static struct webp_api { WEBP_FUNCTIONS(VIZ_FIELD) } api;
#define WEBP_ENTRY(lib, fn) VIZ_ENTRY(webp_api, lib, fn)
static const viz_symbol symbols[] = { WEBP_FUNCTIONS(WEBP_ENTRY) };

viz_codec_spec viz_webp_spec = {
    2,
#ifdef __APPLE__
    {"libwebp.7.dylib", "libwebpmux.3.dylib"},
#else
    {"libwebp.so.7", "libwebpmux.so.3"},
#endif
    symbols, (int)(sizeof symbols / sizeof *symbols), &api, sizeof api, 0
};

struct viz_webp_writer { WebPAnimEncoder *encoder; int frames; };

void viz_webp_free(viz_webp_writer *w) {
    if (!w) return;
    if (w->encoder) api.WebPAnimEncoderDelete(w->encoder);
    free(w);
}

viz_webp_writer *viz_webp_open(int width, int height, int loop) {
    if (!viz_codec_ready(&viz_webp_spec)) return NULL;
    WebPAnimEncoderOptions options;
    if (!api.WebPAnimEncoderOptionsInitInternal(&options, WEBP_MUX_ABI_VERSION)) return NULL;
    options.anim_params.loop_count = loop ? 0 : 1;
    options.allow_mixed = 0;
    options.minimize_size = 0;
    viz_webp_writer *w = (viz_webp_writer *)calloc(1, sizeof *w);
    if (!w) return NULL;
    w->encoder = api.WebPAnimEncoderNewInternal(width, height, &options, WEBP_MUX_ABI_VERSION);
    if (!w->encoder) { free(w); return NULL; }
    return w;
}

/* Near-lossless (level 40: a pixel that differs from its neighbours, an edge's anti-aliasing, may move by at
 * most 4 of 255 in a channel; flat areas and the theme's colours stay exact), single-threaded (so the bytes
 * never depend on the machine). Level 40 at method 2, the first frame searched hardest, makes the Beale
 * animation 363 KB where lossless at method 1 made 535 KB (the GIF of the same frames 463 KB); level 60
 * (2 of 255) left 3-D views larger than their GIFs. */
int viz_webp_add(viz_webp_writer *w, const uint8_t *bgra, int width, int height, int stride, int timestamp) {
    if (!w || !w->encoder) return 0;
    WebPConfig config;
    if (!api.WebPConfigInitInternal(&config, WEBP_PRESET_DEFAULT, 75.f, WEBP_ENCODER_ABI_VERSION)) return 0;
    config.lossless = 1;
    config.quality = 50;
    config.method = 2;
    config.near_lossless = 40;
    if (w->frames++ == 0) {
        /* The first frame is whole: libwebp's slowest search (every transform and entropy code) halves it
         * (Beale at 1280x720: 90 KB -> 53 KB for about 2.5 s; the frames after it are small rectangles). */
        config.method = 6;
        config.quality = 100;
    }
    config.thread_level = 0;
    config.exact = 1;
    WebPPicture picture;
    if (!api.WebPPictureInitInternal(&picture, WEBP_ENCODER_ABI_VERSION)) return 0;
    picture.use_argb = 1;
    picture.width = width;
    picture.height = height;
    if (!api.WebPPictureImportBGRA(&picture, bgra, stride)) return 0;
    int ok = api.WebPAnimEncoderAdd(w->encoder, &picture, timestamp, &config);
    api.WebPPictureFree(&picture);
    return ok;
}

int viz_webp_finish(viz_webp_writer *w, int end, uint8_t **out, size_t *size) {
    *out = NULL; *size = 0;
    if (!w || !w->encoder) { viz_webp_free(w); return 0; }
    WebPData data = {NULL, 0};
    int ok = api.WebPAnimEncoderAdd(w->encoder, NULL, end, NULL) && api.WebPAnimEncoderAssemble(w->encoder, &data);
    if (ok) {
        *out = (uint8_t *)malloc(data.size ? data.size : 1);
        ok = *out != NULL;
        if (ok) { memcpy(*out, data.bytes, data.size); *size = data.size; }
    }
    if (data.bytes) api.WebPFree((void *)data.bytes);
    viz_webp_free(w);
    return ok;
}
