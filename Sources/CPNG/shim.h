#ifndef VIZ_CPNG_SHIM_H
#define VIZ_CPNG_SHIM_H
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* Growing memory buffer for an encoded PNG; the caller frees `data` with viz_png_sink_free. */
typedef struct { unsigned char *data; size_t size; size_t capacity; int failed; } viz_png_sink;

static void viz_png_sink_write(png_structp png, png_bytep bytes, size_t n) {
    viz_png_sink *s = (viz_png_sink *)png_get_io_ptr(png);
    if (s->failed) return;
    if (s->size + n > s->capacity) {
        size_t capacity = (s->size + n) * 2;
        unsigned char *data = (unsigned char *)realloc(s->data, capacity);
        if (!data) { s->failed = 1; return; }
        s->data = data; s->capacity = capacity;
    }
    memcpy(s->data + s->size, bytes, n);
    s->size += n;
}

static void viz_png_sink_flush(png_structp png) { (void)png; }

static inline void viz_png_sink_free(viz_png_sink *s) { free(s->data); s->data = NULL; s->size = s->capacity = 0; }

/* Encodes 8-bit rows with libpng's full API (libpng reports errors by longjmp, which Swift cannot catch,
 * so the setjmp lives here). `layout`: 0 = RGB rows, 1 = RGBA rows, 2 = Cairo's opaque little-endian
 * ARGB32 rows (B, G, R, unused), written as RGB by libpng's bgr + filler transforms without a copy.
 * `filters` is a PNG_FILTER_* mask, `level` the zlib level. Returns 1 on success. */
static inline int viz_png_encode(const unsigned char *pixels, unsigned width, unsigned height, size_t stride,
                                    int layout, int filters, int level, viz_png_sink *sink) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, NULL, NULL);
    if (!png) return 0;
    png_infop info = png_create_info_struct(png);
    if (!info) { png_destroy_write_struct(&png, NULL); return 0; }
    if (setjmp(png_jmpbuf(png))) { png_destroy_write_struct(&png, &info); return 0; }
    png_set_write_fn(png, sink, viz_png_sink_write, viz_png_sink_flush);
    png_set_IHDR(png, info, width, height, 8, layout == 1 ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, filters);
    png_set_compression_level(png, level);
    png_write_info(png, info);
    if (layout == 2) { png_set_bgr(png); png_set_filler(png, 0, PNG_FILLER_AFTER); }
    for (unsigned y = 0; y < height; y++) png_write_row(png, (png_const_bytep)(pixels + (size_t)y * stride));
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    return !sink->failed;
}
#endif
